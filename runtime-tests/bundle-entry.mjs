// Entry of the edge and browser bundles (esbuild inlines the built client and eventsource-parser).
import * as client from "@colloquy/client";
import { smoke } from "./smoke-core.mjs";

export function runSmoke(baseURL, options) {
  return smoke(client, baseURL, options);
}
