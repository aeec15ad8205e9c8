import { messageText } from "@colloquy/client";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { BatchResults } from "./batch-results.js";
import { assistantMessage, batchResults } from "./test-fixtures.js";

describe("<BatchResults>", () => {
  it("lists every custom_id in natural order with a summary", () => {
    renderStrict(<BatchResults results={batchResults} />);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => row.querySelector("th")?.textContent)).toEqual([
      "req-1",
      "req-2",
      "req-3",
      "req-4",
      "req-10",
    ]);
    expect(rows[0]).toHaveTextContent("Hi! How can I help?");
    expect(rows[1]).toHaveTextContent("invalid_request_error: max_tokens: Field required");
  });

  it("filters by result type and counts each type", async () => {
    const onFilterChange = vi.fn();
    renderStrict(<BatchResults results={batchResults} onFilterChange={onFilterChange} />);
    await userEvent.click(screen.getByRole("radio", { name: "Errored (1)" }));
    expect(onFilterChange).toHaveBeenCalledWith("errored");
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("req-2");
  });

  it("shows each request's prompt when given, and expands a cut reply on demand", async () => {
    renderStrict(
      <BatchResults results={batchResults} prompts={{ "req-1": "Say hi please" }} previewLength={5} />,
    );
    const row = screen.getAllByRole("row")[1] as HTMLElement;
    expect(row.querySelector("th")).toHaveTextContent("req-1Say hi please");
    expect(row).toHaveTextContent("Hi! H…");
    await userEvent.click(screen.getByRole("button", { name: "Show all of req-1" }));
    expect(row).toHaveTextContent("Hi! How can I help?");
    expect(screen.getByRole("button", { name: "Show less of req-1" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
  });

  it("says when nothing matches and when there are no results", () => {
    const { rerender } = renderStrict(<BatchResults results={batchResults.slice(0, 1)} filter="expired" />);
    expect(screen.getByText("No results match this filter.")).toBeInTheDocument();
    rerender(<BatchResults results={[]} />);
    expect(screen.getByText("No results yet.")).toBeInTheDocument();
  });

  it("summarises a reply by the client's messageText join rule", () => {
    const content = [
      { type: "text" as const, text: "Cited passage, " },
      { type: "text" as const, text: "continued." },
      { type: "tool_use" as const, id: "toolu_1", name: "get_time", input: {} },
      { type: "text" as const, text: "After the tool." },
    ];
    const message = assistantMessage(content);
    renderStrict(<BatchResults results={[{ custom_id: "req-1", result: { type: "succeeded", message } }]} />);
    const summary = screen.getAllByRole("row")[1]?.querySelector(".cq-batch-result-summary");
    expect(summary?.textContent).toBe(messageText(message));
    expect(summary?.textContent).toBe("Cited passage, continued.\n\nAfter the tool.");
  });
});
