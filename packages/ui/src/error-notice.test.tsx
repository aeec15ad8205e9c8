import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { ErrorNotice, retryAfterFromError } from "./error-notice.js";
import { connectionError, fixedNow, overloadedError, rateLimitError, serverError } from "./test-fixtures.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("<ErrorNotice>", () => {
  it("shows the class, status, type, message and request id of an API error", () => {
    renderStrict(<ErrorNotice error={serverError()} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("InternalServerError");
    expect(alert).toHaveTextContent("HTTP 500");
    expect(alert).toHaveTextContent("api_error");
    expect(alert).toHaveTextContent("Internal server error");
    expect(alert).toHaveTextContent("Request ID: req_011CServerError");
    expect(alert).toHaveAttribute("data-error", "InternalServerError");
  });

  it("titles overloaded and connection errors in words", () => {
    const { unmount } = renderStrict(<ErrorNotice error={overloadedError()} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Claude is overloaded");
    unmount();
    renderStrict(<ErrorNotice error={connectionError()} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Connection failed");
    expect(screen.queryByText(/Request ID/)).toBeNull();
  });

  it("shows any thrown value", () => {
    renderStrict(<ErrorNotice error="plain failure" />);
    expect(screen.getByRole("alert")).toHaveTextContent("plain failure");
  });

  it("counts down the retry-after wait and then becomes ready", () => {
    vi.useFakeTimers({ now: fixedNow });
    renderStrict(<ErrorNotice error={rateLimitError(3)} onRetry={vi.fn()} />);
    expect(screen.getByRole("timer")).toHaveTextContent("Retry available in 3 s");
    expect(screen.getByRole("alert")).toHaveAttribute("data-state", "waiting");
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole("timer")).toHaveTextContent("Retry available in 2 s");
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.queryByRole("timer")).toBeNull();
    expect(screen.getByRole("alert")).toHaveAttribute("data-state", "ready");
  });

  it("calls onRetry from the Retry button", async () => {
    const onRetry = vi.fn();
    renderStrict(<ErrorNotice error={serverError()} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("has no Retry button without onRetry", () => {
    renderStrict(<ErrorNotice error={serverError()} />);
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("retryAfterFromError", () => {
  const withHeaders = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

  it("prefers retry-after-ms, then retry-after seconds, then an HTTP date", () => {
    expect(retryAfterFromError(withHeaders({ "retry-after-ms": "1500", "retry-after": "9" }))).toBe(1500);
    expect(retryAfterFromError(withHeaders({ "retry-after": "7" }))).toBe(7000);
    const now = Date.parse("2026-11-20T20:00:00Z");
    expect(retryAfterFromError(withHeaders({ "retry-after": "Fri, 20 Nov 2026 20:00:30 GMT" }), now)).toBe(
      30_000,
    );
  });

  it("returns null without headers or with garbage", () => {
    expect(retryAfterFromError(new Error("x"))).toBeNull();
    expect(retryAfterFromError(withHeaders({ "retry-after": "soon" }))).toBeNull();
  });
});
