/** Reads an environment variable in Node, Bun, Deno and workers; `undefined` where there is none. */
export function readEnv(name: string): string | undefined {
  const globals = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get?: (key: string) => string | undefined } };
  };
  try {
    const value = globals.process?.env?.[name] ?? globals.Deno?.env?.get?.(name);
    return value?.trim() || undefined;
  } catch {
    // Deno without --allow-env throws: treat as unset.
    return undefined;
  }
}

/**
 * True in a page or a web worker, where an API key would be exposed to whoever loads the code.
 * Deno, Bun and Node (without a DOM polyfill) have neither a document nor `importScripts`.
 */
export function isBrowserLike(): boolean {
  const globals = globalThis as {
    window?: { document?: unknown };
    importScripts?: unknown;
    navigator?: unknown;
    Deno?: unknown;
  };
  // A page has a document, a worker `importScripts`, both a `navigator` (as the official SDK checks); Deno
  // may define window-like globals but is a server, and a server's bare `window` shim has no navigator.
  return !globals.Deno && !!(globals.window?.document || globals.importScripts) && !!globals.navigator;
}
