// The proxy in Node ESM, Bun and Deno: `import` of the built packages.
import * as client from "@colloquy/client";
import * as proxyModule from "@colloquy/proxy";
import { proxySmoke } from "./proxy-smoke.mjs";

const upstreamURL = globalThis.Deno?.args[0] ?? process.argv[2];
try {
  console.log(`ok: ${await proxySmoke(client, proxyModule, upstreamURL)}`);
} catch (error) {
  console.log(`FAILED: ${error?.stack ?? error}`);
  globalThis.Deno ? Deno.exit(1) : process.exit(1);
}
