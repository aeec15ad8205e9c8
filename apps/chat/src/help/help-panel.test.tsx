import { triggerDocs } from "@colloquy/mock-api";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { demoTools } from "../tools/demo-tools";
import { HelpPanel, KEYBOARD_SHORTCUTS } from "./help-panel";

afterEach(cleanup);

/** Each entry of a description list as [term element's tag, term, description]. */
function entriesOf(list: HTMLElement) {
  return Array.from(list.querySelectorAll(":scope > div")).map((entry) => {
    const term = entry.querySelector("dt")?.firstElementChild;
    return [term?.tagName.toLowerCase(), term?.textContent, entry.querySelector("dd")?.textContent];
  });
}

describe("HelpPanel", () => {
  it("lists the demo tools by name, as code, with their descriptions", () => {
    render(<HelpPanel onClose={() => {}} />);
    const list = screen.getByLabelText("Demo tools");
    expect(entriesOf(list)).toEqual(
      Object.entries(demoTools).map(([name, tool]) => ["code", name, tool.description]),
    );
  });

  it("lists the keyboard shortcuts as keys, with what each does", () => {
    render(<HelpPanel onClose={() => {}} />);
    const list = screen.getByLabelText("Keyboard shortcuts");
    expect(entriesOf(list)).toEqual(
      KEYBOARD_SHORTCUTS.map((shortcut) => ["kbd", shortcut.keys, shortcut.does]),
    );
  });

  it("lists every trigger of the mock API, as code, under its heading", () => {
    const { container } = render(<HelpPanel onClose={() => {}} />);
    const heading = screen.getByRole("heading", { name: "Every trigger" });
    const list = heading.nextElementSibling as HTMLElement;
    expect(list.tagName).toBe("DL");
    expect(list.hasAttribute("aria-label")).toBe(false);
    expect(entriesOf(list)).toEqual(triggerDocs.map((doc) => ["code", doc.syntax, doc.effect]));
    expect(within(container).getAllByRole("term").length).toBe(
      Object.keys(demoTools).length + KEYBOARD_SHORTCUTS.length + triggerDocs.length,
    );
  });
});
