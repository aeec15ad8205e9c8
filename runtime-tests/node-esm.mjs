// Node ESM (also run by Bun and Deno): `import` of the built package.
import * as client from "@colloquy/client";
import { smoke } from "./smoke-core.mjs";

const baseURL = globalThis.Deno?.args[0] ?? process.argv[2];
try {
  console.log(`ok: ${await smoke(client, baseURL)}`);
} catch (error) {
  console.log(`FAILED: ${error?.stack ?? error}`);
  globalThis.Deno ? Deno.exit(1) : process.exit(1);
}
