import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { Composer } from "./composer.js";

describe("<Composer>", () => {
  it("sends the trimmed text on Enter and clears the box", async () => {
    const onSend = vi.fn();
    renderStrict(<Composer onSend={onSend} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "  hello  {Enter}");
    expect(onSend).toHaveBeenCalledWith("hello");
    expect(box).toHaveValue("");
  });

  it("adds a newline on Shift+Enter instead of sending", async () => {
    const onSend = vi.fn();
    renderStrict(<Composer onSend={onSend} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "a{Shift>}{Enter}{/Shift}b");
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue("a\nb");
  });

  it("does not send while an IME composition is in progress", () => {
    const onSend = vi.fn();
    renderStrict(<Composer onSend={onSend} defaultValue="かな" />);
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Message" }), { key: "Enter", isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it("disables Send while the box is empty", () => {
    renderStrict(<Composer onSend={vi.fn()} />);
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
  });

  it("shows Stop while streaming, stops on click and on Escape, and returns focus to the box", async () => {
    const onStop = vi.fn();
    const onSend = vi.fn();
    renderStrict(<Composer onSend={onSend} onStop={onStop} streaming defaultValue="draft" />);
    const form = screen.getByRole("button", { name: "Stop" }).closest("form");
    expect(form).toHaveAttribute("data-state", "streaming");
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(onStop).toHaveBeenCalledTimes(2);
    await userEvent.keyboard("{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("moves focus from the button back to the box when streaming ends", () => {
    const { rerender } = renderStrict(<Composer onSend={vi.fn()} onStop={vi.fn()} streaming />);
    screen.getByRole("button", { name: "Stop" }).focus();
    rerender(<Composer onSend={vi.fn()} onStop={vi.fn()} streaming={false} />);
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
  });

  it("works controlled", async () => {
    const onValueChange = vi.fn();
    renderStrict(<Composer onSend={vi.fn()} value="fixed" onValueChange={onValueChange} />);
    await userEvent.type(screen.getByRole("textbox", { name: "Message" }), "x");
    expect(onValueChange).toHaveBeenLastCalledWith("fixedx");
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveValue("fixed");
  });

  it("shows the token count and describes the box with it", () => {
    const { rerender } = renderStrict(<Composer onSend={vi.fn()} tokenCount={1234} />);
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveAccessibleDescription("1,234 tokens");
    rerender(<Composer onSend={vi.fn()} tokenCount={null} />);
    expect(screen.getByText("Counting tokens…")).toBeInTheDocument();
  });

  it("disables everything when disabled", () => {
    renderStrict(<Composer onSend={vi.fn()} disabled defaultValue="x" className="mine" />);
    expect(screen.getByRole("textbox", { name: "Message" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    expect(screen.getByRole("textbox").closest("form")).toHaveClass("cq-composer", "mine");
  });
});
