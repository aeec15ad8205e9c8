/** Imports a workspace package's entry from its TypeScript sources with Vite's module runner (see load-from-sources.mjs). */
export function loadFromSources(specifier: string): Promise<unknown>;
