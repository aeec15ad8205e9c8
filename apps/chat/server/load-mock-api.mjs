// `@colloquy/mock-api/node` from its TypeScript sources, so `npm start` and the browser tests work on a
// fresh clone with nothing built.
import { loadFromSources } from "./load-from-sources.mjs";

/** @returns {Promise<{ startMockApi: (options?: Record<string, unknown>) => Promise<{ url: string, close(): Promise<void> }> }>} */
export function loadMockApiNode() {
  return loadFromSources("@colloquy/mock-api/node");
}
