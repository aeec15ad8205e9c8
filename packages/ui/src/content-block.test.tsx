import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { ContentBlock } from "./content-block.js";
import {
  blockOfEachType,
  citedTextBlock,
  documentBlock,
  imageBlock,
  redactedThinkingBlock,
  serverToolUseBlock,
  streamingToolUseBlock,
  thinkingBlock,
  toolErrorBlock,
  toolResultBlock,
  toolUseBlock,
  webSearchErrorBlock,
  webSearchResultBlock,
} from "./test-fixtures.js";

describe("<ContentBlock>", () => {
  it.each(blockOfEachType.map((block) => [block.type, block] as const))(
    "dispatches a %s block to its component",
    (type, block) => {
      const { container } = renderStrict(<ContentBlock block={block} className="mine" />);
      expect(container.firstChild).toHaveAttribute("data-block", type);
      expect(container.firstChild).toHaveClass("mine");
    },
  );

  it("shows citation markers that reveal the cited text and source", async () => {
    renderStrict(<ContentBlock block={citedTextBlock} citationStart={3} />);
    const marker = screen.getByRole("button", { name: "Citation 3: Nature facts, characters 0–20" });
    expect(marker).toHaveTextContent("[3]");
    expect(marker).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(marker);
    expect(screen.getByRole("note")).toHaveTextContent("The grass is green.");
    const web = screen.getByRole("button", { name: /Citation 4: Why is the sky blue/ });
    await userEvent.click(web);
    expect(screen.getByRole("link", { name: "Why is the sky blue?" })).toHaveAttribute(
      "rel",
      "noopener noreferrer",
    );
    await userEvent.keyboard("{Escape}");
    expect(web).toHaveAttribute("aria-expanded", "false");
  });

  it("collapses thinking behind a labelled toggle and shows the budget", async () => {
    const { container } = renderStrict(<ContentBlock block={thinkingBlock} budgetTokens={2048} />);
    const toggle = screen.getByRole("button", { name: /Thinking/ });
    expect(toggle).toHaveTextContent("budget 2,048 tokens");
    expect(container.firstChild).toHaveAttribute("data-state", "closed");
    expect(screen.queryByText(/summarise the result/)).toBeNull();
    await userEvent.click(toggle);
    expect(container.firstChild).toHaveAttribute("data-state", "open");
    expect(screen.getByText(/summarise the result/)).toBeVisible();
  });

  it("labels thinking that is still streaming", () => {
    const { container } = renderStrict(
      <ContentBlock block={{ type: "thinking", thinking: "Hmm", signature: "" }} streaming />,
    );
    expect(screen.getByRole("button", { name: /Thinking…/ })).toBeInTheDocument();
    expect(container.firstChild).toHaveAttribute("data-streaming");
  });

  it("shows a tool call's name, input and status, streaming while its input arrives", () => {
    const { container, rerender } = renderStrict(<ContentBlock block={streamingToolUseBlock} streaming />);
    expect(container.firstChild).toHaveAttribute("data-state", "streaming");
    expect(screen.getByText("Writing input…")).toBeInTheDocument();
    expect(screen.getByLabelText("Input of get_weather")).toHaveTextContent('"location": "Par"');
    rerender(<ContentBlock block={toolUseBlock} toolStatus="running" />);
    expect(screen.getByText("Running…")).toBeInTheDocument();
  });

  it("pretty-prints JSON tool results and flags errors", () => {
    const { container, rerender } = renderStrict(
      <ContentBlock block={toolResultBlock} toolName="get_weather" />,
    );
    expect(screen.getByLabelText("Tool result JSON")).toHaveTextContent('"temperature": 18');
    expect(container.firstChild).toHaveAttribute("data-state", "success");
    rerender(<ContentBlock block={toolErrorBlock} />);
    expect(container.firstChild).toHaveAttribute("data-state", "error");
    expect(screen.getByText("Error")).toBeInTheDocument();
  });

  it("renders a base64 image with alt text", () => {
    renderStrict(<ContentBlock block={imageBlock} />);
    expect(screen.getByRole("img", { name: "Attached image" }).getAttribute("src")).toMatch(
      /^data:image\/png;base64,/,
    );
  });

  it("summarises a document with a preview and its citations setting", () => {
    renderStrict(<ContentBlock block={documentBlock} />);
    expect(screen.getByText("Nature facts")).toBeInTheDocument();
    expect(screen.getByText("Citations on")).toBeInTheDocument();
    expect(screen.getByText(/The grass is green/)).toBeInTheDocument();
  });

  it("shows a web search's query, results and errors", () => {
    const { rerender } = renderStrict(<ContentBlock block={serverToolUseBlock} />);
    expect(screen.getByText("why is the sky blue")).toBeInTheDocument();
    rerender(<ContentBlock block={webSearchResultBlock} />);
    expect(screen.getAllByRole("link")).toHaveLength(2);
    expect(screen.getByText("2 found")).toBeInTheDocument();
    rerender(<ContentBlock block={webSearchErrorBlock} />);
    expect(screen.getByRole("alert")).toHaveTextContent("max_uses_exceeded");
  });

  it("shows a placeholder for redacted thinking", () => {
    renderStrict(<ContentBlock block={redactedThinkingBlock} />);
    expect(screen.getByText(/redacted/)).toBeInTheDocument();
  });
});
