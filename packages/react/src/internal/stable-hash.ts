/**
 * A deterministic JSON text of a value: object keys sorted, `undefined` members dropped, so two params
 * objects that differ only in key order give the same text.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== "object" || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) {
      sorted[key] = (member as Record<string, unknown>)[key];
    }
    return sorted;
  });
}

/**
 * A short, stable hash of a value's {@link stableStringify} text (two 32-bit FNV-1a lanes, 16 hex digits),
 * used in query keys so that a request carrying a large image does not make a large key.
 */
export function stableHash(value: unknown): string {
  const text = stableStringify(value) ?? "undefined";
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  return (first >>> 0).toString(16).padStart(8, "0") + (second >>> 0).toString(16).padStart(8, "0");
}
