/**
 * `localStorage` or `sessionStorage` when the page may use them; `undefined` on the server or where storage
 * is blocked (reading the property itself can throw), so callers keep working in memory.
 */
export function browserStorage(name: "localStorage" | "sessionStorage"): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window[name];
  } catch {
    return undefined;
  }
}
