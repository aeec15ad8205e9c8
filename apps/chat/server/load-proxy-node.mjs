// `@colloquy/proxy/node` from its TypeScript sources, so the dev server's proxy mode works on a fresh
// clone with nothing built.
import { loadFromSources } from "./load-from-sources.mjs";

/** @returns {Promise<typeof import("@colloquy/proxy/node")>} */
export function loadProxyNode() {
  return loadFromSources("@colloquy/proxy/node");
}
