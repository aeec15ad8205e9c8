import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig } from "vite";
import { workspaceAliases } from "../vitest.shared.ts";

const config: StorybookConfig = {
  stories: ["../packages/ui/src/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-vitest"],
  // StrictMode everywhere, as in our component tests.
  framework: { name: "@storybook/react-vite", options: { strictMode: true } },
  core: { disableTelemetry: true },
  // Stories import our packages by name; resolve them to their sources so no build is needed.
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { alias: workspaceAliases } }),
};

export default config;
