import { fileURLToPath } from "node:url";

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Resolves our own packages to their sources, so tests, Storybook and the demo's dev server run
 * without a build step. Published consumers resolve `dist` through each package's `exports` map.
 */
export const workspaceAliases = [
  { find: /^@colloquy\/client$/, replacement: root("./packages/client/src/index.ts") },
  { find: /^@colloquy\/client\/resources$/, replacement: root("./packages/client/src/resources/index.ts") },
  { find: /^@colloquy\/client\/(.*)$/, replacement: root("./packages/client/src/$1.ts") },
  { find: /^@colloquy\/mock-api$/, replacement: root("./packages/mock-api/src/index.ts") },
  { find: /^@colloquy\/mock-api\/clouds$/, replacement: root("./packages/mock-api/src/clouds/index.ts") },
  { find: /^@colloquy\/mock-api\/(.*)$/, replacement: root("./packages/mock-api/src/$1.ts") },
  { find: /^@colloquy\/bedrock$/, replacement: root("./packages/bedrock/src/index.ts") },
  { find: /^@colloquy\/vertex$/, replacement: root("./packages/vertex/src/index.ts") },
  { find: /^@colloquy\/proxy$/, replacement: root("./packages/proxy/src/index.ts") },
  { find: /^@colloquy\/proxy\/node$/, replacement: root("./packages/proxy/src/node.ts") },
  { find: /^@colloquy\/react$/, replacement: root("./packages/react/src/index.ts") },
  { find: /^@colloquy\/ui\/markdown$/, replacement: root("./packages/ui/src/parse-markdown.ts") },
  { find: /^@colloquy\/ui\/styles\.css$/, replacement: root("./packages/ui/src/styles.css") },
  { find: /^@colloquy\/ui$/, replacement: root("./packages/ui/src/index.ts") },
];

/**
 * The vitest project of one package under `packages/`: the `*.test.ts` files under `src/` and `test/`
 * (and `*.test.tsx` in jsdom), with our packages resolved to their sources.
 */
export function packageTestProject(
  name: string,
  { environment = "node", setupFiles }: { environment?: "node" | "jsdom"; setupFiles?: string[] } = {},
) {
  const extensions = environment === "jsdom" ? "{ts,tsx}" : "ts";
  return {
    resolve: { alias: workspaceAliases },
    test: {
      name,
      environment,
      include: [`src/**/*.test.${extensions}`, `test/**/*.test.${extensions}`],
      ...(setupFiles === undefined ? {} : { setupFiles }),
    },
  };
}
