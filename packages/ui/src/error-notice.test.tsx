import {
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
  retryDelayFromHeaders,
} from "@colloquy/client";
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

  it("offers Dismiss for any error when onDismiss is given, a bad request included", async () => {
    const onDismiss = vi.fn();
    const badRequest = new BadRequestError(400, undefined, "max_tokens: too large", new Headers());
    renderStrict(<ErrorNotice error={badRequest} onRetry={() => {}} onDismiss={onDismiss} />);
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});

describe("ErrorNotice follows the client's retry rules", () => {
  const rateLimited = (headers: Record<string, string>) =>
    new RateLimitError(429, undefined, undefined, new Headers(headers));

  // The same headers the client's retry loop reads; each case names what the client does with them.
  const cases: Array<[string, Record<string, string>]> = [
    ["retry-after in seconds", { "retry-after": "3" }],
    ["retry-after-ms before retry-after", { "retry-after-ms": "1500", "retry-after": "9" }],
    ["retry-after as an HTTP date", { "retry-after": new Date(fixedNow + 12_000).toUTCString() }],
    ["retry-after: 0 (the client ignores it)", { "retry-after": "0" }],
    ["retry-after-ms: 0 (ignored too)", { "retry-after-ms": "0" }],
    ["a date in the past", { "retry-after": new Date(fixedNow - 5_000).toUTCString() }],
    ["garbage", { "retry-after": "soon" }],
  ];

  it.each(cases)("counts down exactly the client's delay for %s", (_, headers) => {
    vi.useFakeTimers({ now: fixedNow });
    const clientDelay = retryDelayFromHeaders(new Headers(headers), () => fixedNow);
    renderStrict(<ErrorNotice error={rateLimited(headers)} onRetry={vi.fn()} />);
    const alert = screen.getByRole("alert");
    if (clientDelay === undefined) {
      expect(screen.queryByRole("timer")).toBeNull();
      expect(alert).toHaveAttribute("data-state", "ready");
      return;
    }
    expect(alert).toHaveAttribute("data-state", "waiting");
    // The countdown ticks each second; it must still be waiting one tick before the client's delay ends...
    act(() => vi.advanceTimersByTime(Math.ceil(clientDelay / 1000) * 1000 - 1000));
    expect(alert).toHaveAttribute("data-state", "waiting");
    // ...and be over at the first tick after it.
    act(() => vi.advanceTimersByTime(1000));
    expect(alert).toHaveAttribute("data-state", "ready");
  });

  it("reads the same delay as the client for every case", () => {
    for (const [, headers] of cases) {
      const clientDelay = retryDelayFromHeaders(new Headers(headers), () => fixedNow);
      expect(retryAfterFromError(rateLimited(headers), fixedNow)).toBe(clientDelay ?? null);
    }
  });

  it("offers Retry only for errors the client would retry", () => {
    const onRetry = vi.fn();
    const retryable = [
      serverError(),
      overloadedError(),
      connectionError(),
      rateLimited({}),
      new BadRequestError(400, undefined, undefined, new Headers({ "x-should-retry": "true" })),
    ];
    const final = [
      new BadRequestError(400, undefined, undefined, new Headers()),
      new AuthenticationError(401, undefined, undefined, new Headers()),
      new InternalServerError(503, undefined, undefined, new Headers({ "x-should-retry": "false" })),
      new APIUserAbortError(),
      new Error("plain"),
    ];
    for (const error of retryable) {
      const { unmount } = renderStrict(<ErrorNotice error={error} onRetry={onRetry} />);
      expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
      unmount();
    }
    for (const error of final) {
      const { unmount } = renderStrict(<ErrorNotice error={error} onRetry={onRetry} />);
      expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
      unmount();
    }
  });

  it("lets the app override the rule with retryable", () => {
    const error = new BadRequestError(400, undefined, undefined, new Headers());
    const { unmount } = renderStrict(<ErrorNotice error={error} onRetry={vi.fn()} retryable />);
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
    unmount();
    renderStrict(<ErrorNotice error={serverError()} onRetry={vi.fn()} retryable={false} />);
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
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

  it("returns null without headers, with garbage, or with a zero wait", () => {
    expect(retryAfterFromError(new Error("x"))).toBeNull();
    expect(retryAfterFromError(withHeaders({ "retry-after": "soon" }))).toBeNull();
    expect(retryAfterFromError(withHeaders({ "retry-after": "0" }))).toBeNull();
  });
});
