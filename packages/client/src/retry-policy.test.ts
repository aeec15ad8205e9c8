import { describe, expect, it } from "vitest";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "./errors.js";
import {
  isRetryableError,
  retryDelayFromHeaders,
  retryDelayMs,
  shouldRetryResponse,
} from "./retry-policy.js";

const headers = (init: Record<string, string> = {}) => new Headers(init);

describe("shouldRetryResponse", () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 529])("retries status %i", (status) => {
    expect(shouldRetryResponse(status, headers())).toBe(true);
  });

  it.each([400, 401, 403, 404, 413, 422])("does not retry status %i", (status) => {
    expect(shouldRetryResponse(status, headers())).toBe(false);
  });

  it("obeys x-should-retry: false even on a 529", () => {
    expect(shouldRetryResponse(529, headers({ "x-should-retry": "false" }))).toBe(false);
  });

  it("obeys x-should-retry: true even on a 400", () => {
    expect(shouldRetryResponse(400, headers({ "x-should-retry": "true" }))).toBe(true);
  });
});

describe("retryDelayMs", () => {
  const noJitter = () => 0;
  const fullJitter = () => 0.999999;

  it("backs off from 0.5 s doubling up to 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, undefined, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("takes up to a quarter off with jitter", () => {
    const delay = retryDelayMs(2, undefined, fullJitter);
    expect(delay).toBeGreaterThan(2000 * 0.75);
    expect(delay).toBeLessThan(2000);
  });

  it("prefers retry-after-ms over retry-after", () => {
    expect(retryDelayMs(0, headers({ "retry-after-ms": "1234", "retry-after": "30" }), noJitter)).toBe(1234);
  });

  it("reads retry-after in seconds", () => {
    expect(retryDelayMs(0, headers({ "retry-after": "3" }), noJitter)).toBe(3000);
  });

  it("reads retry-after as an HTTP date", () => {
    const now = Date.parse("2026-11-26T10:00:00Z");
    const later = new Date(now + 7000).toUTCString();
    expect(retryDelayMs(0, headers({ "retry-after": later }), noJitter, () => now)).toBe(7000);
  });

  it.each([["-5"], ["0"], ["not a number"], ["1e12"], ["Thu, 01 Jan 1970 00:00:00 GMT"]])(
    "falls back to the backoff for an absurd retry-after %s",
    (value) => {
      expect(retryDelayMs(1, headers({ "retry-after": value }), noJitter)).toBe(1000);
    },
  );

  it("ignores an absurd retry-after-ms and uses retry-after", () => {
    expect(retryDelayMs(0, headers({ "retry-after-ms": "-1", "retry-after": "2" }), noJitter)).toBe(2000);
  });
});

describe("retryDelayFromHeaders", () => {
  const now = () => Date.parse("Fri, 20 Nov 2026 20:00:00 GMT");

  it("reads retry-after-ms first, then retry-after in seconds or as an HTTP date", () => {
    expect(retryDelayFromHeaders(headers({ "retry-after-ms": "1500", "retry-after": "9" }))).toBe(1500);
    expect(retryDelayFromHeaders(headers({ "retry-after": "7" }))).toBe(7000);
    expect(retryDelayFromHeaders(headers({ "retry-after": "Fri, 20 Nov 2026 20:00:30 GMT" }), now)).toBe(
      30_000,
    );
  });

  it("ignores zero, negative, past and absurd delays, and their absence", () => {
    expect(retryDelayFromHeaders(headers({ "retry-after": "0" }))).toBeUndefined();
    expect(retryDelayFromHeaders(headers({ "retry-after-ms": "-5" }))).toBeUndefined();
    expect(
      retryDelayFromHeaders(headers({ "retry-after": "Fri, 20 Nov 2026 19:59:00 GMT" }), now),
    ).toBeUndefined();
    expect(retryDelayFromHeaders(headers({ "retry-after": String(2 ** 31) }))).toBeUndefined();
    expect(retryDelayFromHeaders(headers())).toBeUndefined();
    expect(retryDelayFromHeaders(undefined)).toBeUndefined();
  });

  it("is the delay retryDelayMs waits whenever the server sent one", () => {
    const sent = headers({ "retry-after": "3" });
    expect(retryDelayMs(0, sent, () => 0.5)).toBe(retryDelayFromHeaders(sent));
  });
});

describe("isRetryableError", () => {
  const apiError = (status: number, init: Record<string, string> = {}) =>
    APIError.generate(
      status,
      { type: "error", error: { type: "x", message: "m" } },
      undefined,
      headers(init),
    );

  it("retries what the client retries: 408, 409, 429, 5xx and connection failures", () => {
    for (const status of [408, 409, 429, 500, 529]) expect(isRetryableError(apiError(status))).toBe(true);
    expect(isRetryableError(new APIConnectionError({ message: "reset" }))).toBe(true);
    expect(isRetryableError(new APIConnectionTimeoutError())).toBe(true);
  });

  it("follows x-should-retry both ways, as the client does", () => {
    expect(isRetryableError(apiError(503, { "x-should-retry": "false" }))).toBe(false);
    expect(isRetryableError(apiError(400, { "x-should-retry": "true" }))).toBe(true);
  });

  it("never retries a user abort, another 4xx, a status-less stream error or a plain Error", () => {
    expect(isRetryableError(new APIUserAbortError())).toBe(false);
    expect(isRetryableError(apiError(400))).toBe(false);
    expect(isRetryableError(new APIError(undefined, undefined, "overloaded mid-stream", undefined))).toBe(
      false,
    );
    expect(isRetryableError(new Error("boom"))).toBe(false);
  });
});
