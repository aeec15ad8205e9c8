import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { usage } from "./test-fixtures.js";
import { UsageMeter } from "./usage-meter.js";

describe("<UsageMeter>", () => {
  it("shows input, output, cache write and cache read tokens", () => {
    renderStrict(<UsageMeter usage={usage} />);
    expect(screen.getByText("Input").nextSibling).toHaveTextContent("1,842");
    expect(screen.getByText("Output").nextSibling).toHaveTextContent("412");
    expect(screen.getByText("Cache write").nextSibling).toHaveTextContent("1,024");
    expect(screen.getByText("Cache read").nextSibling).toHaveTextContent("8,192");
  });

  it("fills a meter against the context window and flags it near the limit", () => {
    const { container, rerender } = renderStrict(<UsageMeter usage={usage} contextWindow={200_000} />);
    const meter = screen.getByRole("meter", { name: "Context window used" });
    expect(meter).toHaveAttribute("value", String(1842 + 412 + 1024 + 8192));
    expect(container.firstChild).toHaveAttribute("data-state", "ok");
    rerender(<UsageMeter usage={{ ...usage, input_tokens: 170_000 }} contextWindow={200_000} />);
    expect(container.firstChild).toHaveAttribute("data-state", "warning");
    rerender(<UsageMeter usage={{ ...usage, input_tokens: 199_000 }} contextWindow={200_000} />);
    expect(container.firstChild).toHaveAttribute("data-state", "full");
  });

  it("is empty without usage and has no meter without a context window", () => {
    const { container } = renderStrict(<UsageMeter usage={null} />);
    expect(container.firstChild).toHaveAttribute("data-state", "empty");
    expect(screen.queryByRole("meter")).toBeNull();
  });
});
