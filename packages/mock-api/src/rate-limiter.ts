import { MockApiError } from "./errors.js";

/**
 * Budgets of the optional rate limiter, per minute, as an organization's tier sets them on the real API.
 * A budget left out is not enforced (its headers still report the default value).
 */
export interface RateLimits {
  /** Requests per minute (RPM). */
  requestsPerMinute?: number | undefined;
  /** Input tokens per minute (ITPM), estimated as `count_tokens` does. */
  inputTokensPerMinute?: number | undefined;
  /** Output tokens per minute (OTPM), the `usage.output_tokens` of each reply. */
  outputTokensPerMinute?: number | undefined;
}

/**
 * Budgets reported (but never enforced) when the `rateLimits` option leaves them out: large enough that
 * no test meets them, shaped like a high usage tier.
 */
export const DEFAULT_RATE_LIMITS = {
  requestsPerMinute: 4_000,
  inputTokensPerMinute: 2_000_000,
  outputTokensPerMinute: 400_000,
} as const;

const MINUTE_MS = 60_000;

/**
 * One budget as the real API meters it: a bucket of `limit` units that refills continuously (the whole
 * limit per minute), so a client that waits `retry-after` seconds gets the capacity it needs.
 */
class TokenBucket {
  private level: number;
  private updatedAt: number;

  constructor(
    readonly limit: number,
    readonly enforced: boolean,
    now: number,
  ) {
    this.level = limit;
    this.updatedAt = now;
  }

  /** Units available at `now` (fractional while refilling). */
  available(now: number): number {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.level = Math.min(this.limit, this.level + (elapsed * this.limit) / MINUTE_MS);
    this.updatedAt = now;
    return this.level;
  }

  /** Takes units (the level may go below zero: output is billed after the fact, as on the real API). */
  take(units: number, now: number): void {
    this.available(now);
    this.level -= units;
  }

  /** Milliseconds until `units` are available. */
  waitFor(units: number, now: number): number {
    const missing = Math.min(units, this.limit) - this.available(now);
    return missing <= 0 ? 0 : Math.ceil((missing * MINUTE_MS) / this.limit);
  }

  /** When the bucket is full again. */
  fullAt(now: number): number {
    return now + this.waitFor(this.limit, now);
  }
}

function rfc3339(epochMs: number): string {
  return new Date(Math.ceil(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function budget(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`mock-api: rateLimits.${name} must be a positive number, got ${value}`);
  }
  return value;
}

/**
 * The mock's rate limiter: three token buckets (requests, input tokens, output tokens) that refill over
 * a minute. `admit` checks a Messages request against them (a 429 `rate_limit_error` with `retry-after`
 * when a budget is spent) and `headers` reports their state as the `anthropic-ratelimit-*` headers.
 */
export class RateLimiter {
  private readonly requests: TokenBucket;
  private readonly inputTokens: TokenBucket;
  private readonly outputTokens: TokenBucket;

  constructor(
    limits: RateLimits | undefined,
    private readonly now: () => number,
  ) {
    const start = now();
    const requests = budget(limits?.requestsPerMinute, "requestsPerMinute");
    const input = budget(limits?.inputTokensPerMinute, "inputTokensPerMinute");
    const output = budget(limits?.outputTokensPerMinute, "outputTokensPerMinute");
    this.requests = new TokenBucket(
      requests ?? DEFAULT_RATE_LIMITS.requestsPerMinute,
      requests !== undefined,
      start,
    );
    this.inputTokens = new TokenBucket(
      input ?? DEFAULT_RATE_LIMITS.inputTokensPerMinute,
      input !== undefined,
      start,
    );
    this.outputTokens = new TokenBucket(
      output ?? DEFAULT_RATE_LIMITS.outputTokensPerMinute,
      output !== undefined,
      start,
    );
  }

  /**
   * Admits one request, or throws the 429 the real API sends; the request is taken at once.
   * `estimateInput` is called only when an input budget is enforced. The tokens themselves are billed
   * by {@link recordUsage} once the reply exists, so an exhausted output budget refuses the next request.
   */
  admit(estimateInput: () => number): void {
    const now = this.now();
    const refusals: Array<{ waitMs: number; message: string }> = [];
    if (this.requests.enforced && this.requests.available(now) < 1) {
      refusals.push({
        waitMs: this.requests.waitFor(1, now),
        message: `This request would exceed your organization's rate limit of ${this.requests.limit} requests per minute (mock).`,
      });
    }
    // A request larger than the whole budget goes through once the bucket is full (and empties it).
    const inputNeeded = this.inputTokens.enforced ? Math.min(estimateInput(), this.inputTokens.limit) : 0;
    if (this.inputTokens.available(now) < inputNeeded) {
      refusals.push({
        waitMs: this.inputTokens.waitFor(inputNeeded, now),
        message: `This request would exceed your organization's rate limit of ${this.inputTokens.limit} input tokens per minute (mock).`,
      });
    }
    if (this.outputTokens.enforced && this.outputTokens.available(now) < 1) {
      refusals.push({
        waitMs: this.outputTokens.waitFor(1, now),
        message: `This request would exceed your organization's rate limit of ${this.outputTokens.limit} output tokens per minute (mock).`,
      });
    }
    const longest = refusals.sort((left, right) => right.waitMs - left.waitMs)[0];
    if (longest) {
      const retryAfter = String(Math.max(1, Math.ceil(longest.waitMs / 1000)));
      throw new MockApiError("rate_limit_error", longest.message, { headers: { "retry-after": retryAfter } });
    }
    this.requests.take(1, now);
  }

  /** Bills the input and output tokens of an admitted request's reply. */
  recordUsage(inputTokens: number, outputTokens: number): void {
    const now = this.now();
    this.inputTokens.take(inputTokens, now);
    this.outputTokens.take(outputTokens, now);
  }

  /**
   * The `anthropic-ratelimit-*` headers: limit, remaining (whole units, never negative) and reset (RFC
   * 3339 time of full replenishment) for requests, input tokens, output tokens and, as the real API
   * adds, `tokens-*` for the most restrictive of the two token budgets (remaining rounded to thousands).
   */
  headers(): Record<string, string> {
    const now = this.now();
    const headers: Record<string, string> = {};
    const report = (name: string, bucket: TokenBucket) => {
      headers[`anthropic-ratelimit-${name}-limit`] = String(bucket.limit);
      headers[`anthropic-ratelimit-${name}-remaining`] = String(
        Math.max(0, Math.floor(bucket.available(now))),
      );
      headers[`anthropic-ratelimit-${name}-reset`] = rfc3339(bucket.fullAt(now));
    };
    report("requests", this.requests);
    report("input-tokens", this.inputTokens);
    report("output-tokens", this.outputTokens);
    const share = (bucket: TokenBucket) => bucket.available(now) / bucket.limit;
    const tightest =
      share(this.outputTokens) < share(this.inputTokens) ? this.outputTokens : this.inputTokens;
    headers["anthropic-ratelimit-tokens-limit"] = String(tightest.limit);
    headers["anthropic-ratelimit-tokens-remaining"] = String(
      Math.max(0, Math.round(tightest.available(now) / 1000) * 1000),
    );
    headers["anthropic-ratelimit-tokens-reset"] = rfc3339(tightest.fullAt(now));
    return headers;
  }
}
