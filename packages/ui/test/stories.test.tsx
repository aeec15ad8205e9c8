// Every story renders, runs its play function and has no axe violations, in jsdom.
import { composeStories, setProjectAnnotations } from "@storybook/react-vite";
import axe from "axe-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import previewAnnotations from "../../../.storybook/preview.js";

// Storybook's React renderer reads this when it loads: render every story under StrictMode.
vi.hoisted(() => {
  (globalThis as { FRAMEWORK_OPTIONS?: unknown }).FRAMEWORK_OPTIONS = { strictMode: true };
});

setProjectAnnotations(previewAnnotations);

type StoryModule = Parameters<typeof composeStories>[0];
const modules = import.meta.glob<StoryModule>("../src/**/*.stories.tsx", { eager: true });

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});

describe.each(Object.entries(modules))("%s", (_path, module) => {
  const stories = Object.entries(composeStories(module)) as Array<
    [string, { run: (context?: { canvasElement: HTMLElement }) => Promise<void> }]
  >;
  it.each(stories)("%s renders, plays and passes axe", async (_name, Story) => {
    const canvasElement = document.createElement("div");
    document.body.append(canvasElement);
    containers.push(canvasElement);
    await Story.run({ canvasElement });
    expect(canvasElement.childElementCount).toBeGreaterThan(0);
    const results = await axe.run(canvasElement, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`,
      ),
    ).toEqual([]);
  });
});
