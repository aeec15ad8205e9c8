/** Reads an environment variable in Node, Bun, Deno and workers; `undefined` where there is none or it is blank. */
export function readEnv(name: string): string | undefined {
  const globals = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get?: (key: string) => string | undefined } };
  };
  try {
    const value = (globals.process?.env?.[name] ?? globals.Deno?.env?.get?.(name))?.trim();
    return value ? value : undefined;
  } catch {
    // Deno without --allow-env throws: treat as unset.
    return undefined;
  }
}
