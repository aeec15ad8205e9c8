// Entry of the edge bundle of the proxy (esbuild inlines the built proxy, the client and eventsource-parser).
import * as client from "@colloquy/client";
import * as proxyModule from "@colloquy/proxy";
import { proxySmoke } from "./proxy-smoke.mjs";

export function runProxySmoke(upstreamURL) {
  return proxySmoke(client, proxyModule, upstreamURL);
}
