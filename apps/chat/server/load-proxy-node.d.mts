/** Loads `@colloquy/proxy/node` from its sources with Vite's module runner (see load-proxy-node.mjs). */
export function loadProxyNode(): Promise<typeof import("@colloquy/proxy/node")>;
