import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { ModelPicker } from "./model-picker.js";
import { ModelSelect } from "./model-select.js";
import { models } from "./test-fixtures.js";
import { MockApiProvider } from "./test-mock-provider.js";

describe("<ModelSelect>", () => {
  it("lists models, marks deprecated ones and describes the selection", async () => {
    const onValueChange = vi.fn();
    renderStrict(<ModelSelect models={models} onValueChange={onValueChange} />);
    const select = screen.getByRole("combobox", { name: "Model" });
    expect(select).toHaveValue("claude-sonnet-4-6");
    expect(screen.getByRole("option", { name: "Claude Sonnet 4.5 (deprecated)" })).toBeInTheDocument();
    expect(select).toHaveAccessibleDescription("claude-sonnet-4-6 · 1M context");
    await userEvent.selectOptions(select, "claude-haiku-4-5");
    expect(onValueChange).toHaveBeenCalledWith("claude-haiku-4-5");
    expect(select).toHaveValue("claude-haiku-4-5");
  });

  it("is disabled while loading and shows a load error", () => {
    const { rerender, container } = renderStrict(<ModelSelect models={[]} loading />);
    expect(screen.getByRole("combobox", { name: "Model" })).toBeDisabled();
    expect(container.firstChild).toHaveAttribute("data-state", "loading");
    rerender(<ModelSelect models={[]} error={new Error("offline")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Could not load models: offline");
  });
});

describe("<ModelPicker>", () => {
  it("loads the models from the API", async () => {
    renderStrict(
      <MockApiProvider>
        <ModelPicker />
      </MockApiProvider>,
    );
    const select = screen.getByRole("combobox", { name: "Model" });
    await waitFor(() => expect(select).toBeEnabled());
    expect(screen.getAllByRole("option").length).toBeGreaterThan(1);
  });
});
