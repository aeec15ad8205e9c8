// Loads `@colloquy/mock-api/node` straight from its TypeScript sources with Vite's module runner, so
// `npm start` and the browser tests work on a fresh clone with nothing built.
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** @returns {Promise<{ startMockApi: (options?: Record<string, unknown>) => Promise<{ url: string, close(): Promise<void> }> }>} */
export async function loadMockApiNode() {
  const quiet = { configFile: false, logLevel: "error", root: repoRoot };
  const { module: shared } = await runnerImport(`${repoRoot}vitest.shared.ts`, quiet);
  const { module } = await runnerImport("@colloquy/mock-api/node", {
    ...quiet,
    resolve: { alias: shared.workspaceAliases },
  });
  return module;
}
