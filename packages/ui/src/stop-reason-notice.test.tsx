import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { StopReasonNotice } from "./stop-reason-notice.js";

describe("<StopReasonNotice>", () => {
  it("renders nothing for a normal end or a tool call", () => {
    const { container, rerender } = renderStrict(<StopReasonNotice stopReason="end_turn" />);
    expect(container).toBeEmptyDOMElement();
    rerender(<StopReasonNotice stopReason="tool_use" />);
    expect(container).toBeEmptyDOMElement();
    rerender(<StopReasonNotice stopReason={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("offers Continue after max_tokens", async () => {
    const onContinue = vi.fn();
    renderStrict(<StopReasonNotice stopReason="max_tokens" onContinue={onContinue} />);
    expect(screen.getByRole("status")).toHaveTextContent("max_tokens");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it("explains a refusal with its category and explanation, without Continue", () => {
    renderStrict(
      <StopReasonNotice
        stopReason="refusal"
        stopDetails={{ type: "refusal", category: "cyber", explanation: "Looks like malware." }}
        onContinue={vi.fn()}
      />,
    );
    const notice = screen.getByRole("status");
    expect(notice).toHaveTextContent("Claude declined to continue (cybersecurity). Looks like malware.");
    expect(notice).toHaveAttribute("data-state", "refusal");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("names the stop sequence and the full context window", () => {
    const { rerender } = renderStrict(<StopReasonNotice stopReason="stop_sequence" stopSequence="END" />);
    expect(screen.getByRole("status")).toHaveTextContent("“END”");
    rerender(<StopReasonNotice stopReason="model_context_window_exceeded" />);
    expect(screen.getByRole("status")).toHaveTextContent("context window");
  });
});
