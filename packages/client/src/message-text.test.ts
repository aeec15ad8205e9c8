import { describe, expect, it } from "vitest";
import { messageText } from "./message-text.js";

describe("messageText", () => {
  it("joins adjacent text blocks (a passage cut around citations) with nothing", () => {
    const content = [
      { type: "text", text: "The sky is " },
      { type: "text", text: "blue", citations: [] },
      { type: "text", text: "." },
    ];
    expect(messageText({ content })).toBe("The sky is blue.");
  });

  it("parts passages separated by another block with a blank line, and skips the other blocks", () => {
    const content = [
      { type: "thinking", thinking: "hmm", signature: "s" },
      { type: "text", text: "Let me look." },
      { type: "tool_use", id: "t", name: "search", input: {} },
      { type: "text", text: "Found it." },
    ];
    expect(messageText(content)).toBe("Let me look.\n\nFound it.");
  });

  it("reads string content and plain strings as they are, and a message with no text as empty", () => {
    expect(messageText({ content: "hi" })).toBe("hi");
    expect(messageText("plain")).toBe("plain");
    expect(messageText({ content: [{ type: "tool_use" }] })).toBe("");
  });
});
