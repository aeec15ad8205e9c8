import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";
import { workspaceAliases } from "../../vitest.shared.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The tests of @colloquy/react, run a second time against React 18. The root installs React 19; this
 * workspace installs React 18, React DOM 18 and a Testing Library that supports it into its own
 * node_modules, and every import of them, from the hooks, the tests and TanStack Query, is sent there.
 */
export default defineProject({
  resolve: {
    alias: [
      ...workspaceAliases,
      { find: /^react$/, replacement: here("./node_modules/react") },
      { find: /^react\/(.*)$/, replacement: here("./node_modules/react/$1") },
      { find: /^react-dom$/, replacement: here("./node_modules/react-dom") },
      { find: /^react-dom\/(.*)$/, replacement: here("./node_modules/react-dom/$1") },
      { find: /^@testing-library\/react$/, replacement: here("./node_modules/@testing-library/react") },
    ],
  },
  test: {
    name: "react18",
    root: here("../../packages/react"),
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    setupFiles: ["./test/setup.ts"],
    // Transformed by Vite rather than loaded by Node, so that its `import "react"` meets the aliases.
    server: { deps: { inline: [/@tanstack\/react-query/] } },
  },
});
