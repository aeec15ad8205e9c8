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
 * Deno, Bun and Node (even with a `window` polyfill from jsdom in tests) are told apart by their globals.
 */
export function isBrowserLike(): boolean {
  const globals = globalThis as {
    window?: { document?: unknown };
    navigator?: unknown;
    importScripts?: unknown;
    Deno?: unknown;
    process?: { versions?: { node?: string } };
  };
  const hasDocument = globals.window?.document !== undefined;
  const isWorker = typeof globals.importScripts === "function";
  return globals.Deno === undefined && (hasDocument || isWorker) && globals.navigator !== undefined;
}
