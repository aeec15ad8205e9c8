// Loads a workspace package's entry (`@colloquy/mock-api/node`, `@colloquy/proxy/node`, …) straight from
// its TypeScript sources with Vite's module runner, so `npm start`, the browser tests and the dev server's
// proxy mode work on a fresh clone with nothing built.
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Imports `specifier` from the workspace sources (resolved through the aliases of vitest.shared.ts).
 * @param {string} specifier
 * @returns {Promise<unknown>}
 */
export async function loadFromSources(specifier) {
  const quiet = { configFile: false, logLevel: "error", root: repoRoot };
  const { module: shared } = await runnerImport(`${repoRoot}vitest.shared.ts`, quiet);
  const { module } = await runnerImport(specifier, {
    ...quiet,
    resolve: { alias: shared.workspaceAliases },
  });
  return module;
}
