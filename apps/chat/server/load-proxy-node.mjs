// Loads `@colloquy/proxy/node` straight from its TypeScript sources with Vite's module runner, so the
// dev server's proxy mode works on a fresh clone with nothing built (like load-mock-api.mjs).
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** @returns {Promise<typeof import("@colloquy/proxy/node")>} */
export async function loadProxyNode() {
  const quiet = { configFile: false, logLevel: "error", root: repoRoot };
  const { module: shared } = await runnerImport(`${repoRoot}vitest.shared.ts`, quiet);
  const { module } = await runnerImport("@colloquy/proxy/node", {
    ...quiet,
    resolve: { alias: shared.workspaceAliases },
  });
  return module;
}
