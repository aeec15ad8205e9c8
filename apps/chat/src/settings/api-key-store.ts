/**
 * Holds the key typed in direct mode: in memory only, or in sessionStorage (this tab, until it closes)
 * when the user asks to remember it. It never goes to localStorage and is never logged.
 */
export interface ApiKeyStore {
  get(): string;
  /** Whether the key is kept in sessionStorage. */
  remembered(): boolean;
  set(key: string, remember: boolean): void;
  clear(): void;
}

export const API_KEY_SESSION_KEY = "colloquy.direct-api-key";

export function createApiKeyStore(
  session: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined,
): ApiKeyStore {
  let memoryKey = "";
  const read = () => {
    try {
      return session?.getItem(API_KEY_SESSION_KEY) ?? "";
    } catch {
      return "";
    }
  };
  return {
    get: () => memoryKey || read(),
    remembered: () => read() !== "",
    set(key, remember) {
      memoryKey = key;
      try {
        if (remember && key) session?.setItem(API_KEY_SESSION_KEY, key);
        else session?.removeItem(API_KEY_SESSION_KEY);
      } catch {
        // sessionStorage unavailable: the key stays in memory only.
      }
    },
    clear() {
      memoryKey = "";
      try {
        session?.removeItem(API_KEY_SESSION_KEY);
      } catch {
        // Nothing stored.
      }
    },
  };
}
