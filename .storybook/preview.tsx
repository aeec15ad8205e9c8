import type { Decorator, Preview } from "@storybook/react-vite";
import { useEffect } from "react";
import "../packages/ui/src/styles.css";
import "./preview.css";

/** Applies the `theme` global (toolbar: light/dark) to the story and the page around it. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals.theme === "dark" ? "dark" : "light";
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="cq-story-frame" data-theme={theme}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: "Colour theme of the components",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light" },
          { value: "dark", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
  },
  // A docs page (props table, every story) for every component.
  tags: ["autodocs"],
  initialGlobals: { theme: "light" },
  decorators: [withTheme],
  parameters: {
    layout: "fullscreen",
    // Callback props (onSend, onStop, ...) are actions (fn() in each meta), never controls to edit as JSON.
    controls: { matchers: { date: /Date$/i }, exclude: /^on[A-Z]/ },
  },
};

export default preview;
