// The proxy in Node ESM, Bun and Deno: `import` of the built packages, served on loopback by each
// runtime's own server: `Bun.serve`, `Deno.serve`, and in Node `node:http` through `@colloquy/proxy/node`.
import * as client from "@colloquy/client";
import * as proxyModule from "@colloquy/proxy";
import { proxySmoke } from "./proxy-smoke.mjs";

/** The runtime's own HTTP server for a fetch handler. */
function runtimeServe() {
  if (globalThis.Bun)
    return async (handler) => {
      const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: handler });
      return { url: `http://127.0.0.1:${server.port}`, close: () => server.stop(true) };
    };
  if (globalThis.Deno)
    return async (handler) => {
      const listening = Promise.withResolvers();
      const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: listening.resolve }, handler);
      const { port } = await listening.promise;
      return { url: `http://127.0.0.1:${port}`, close: () => server.shutdown() };
    };
  return async (handler) => {
    const { createServer } = await import("node:http");
    const { toNodeMiddleware } = await import("@colloquy/proxy/node");
    const server = createServer(toNodeMiddleware(handler));
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  };
}

const upstreamURL = globalThis.Deno?.args[0] ?? process.argv[2];
try {
  console.log(`ok: ${await proxySmoke(client, proxyModule, upstreamURL, runtimeServe())}`);
} catch (error) {
  console.log(`FAILED: ${error?.stack ?? error}`);
  globalThis.Deno ? Deno.exit(1) : process.exit(1);
}
