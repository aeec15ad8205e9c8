/** A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface TokenBucketOptions {
  /** Most requests a user can make in a burst (the bucket's size). */
  capacity: number;
  /** Requests added back per second, up to `capacity`. */
  refillPerSecond: number;
}

/** The answer of a {@link RateLimitStore}. */
export interface RateLimitDecision {
  /** Whether the request may go ahead (a token was taken). */
  allowed: boolean;
  /** Tokens left in the bucket after this request. */
  remaining: number;
  /** When refused: how long until a token is available, in milliseconds. */
  retryAfterMs: number;
}

/**
 * Where buckets live. The default keeps them in memory (one process); implement this over Redis or a
 * database to share one limit between several servers. `take` must be atomic per key.
 */
export interface RateLimitStore {
  take(key: string, bucket: TokenBucketOptions, now: number): RateLimitDecision | Promise<RateLimitDecision>;
}

/** A bucket's state: its tokens at `updatedAt` (ms since the epoch). */
export interface BucketState {
  tokens: number;
  updatedAt: number;
}

/**
 * The token-bucket rule on one bucket, pure so any store can use it: refill for the time elapsed, then
 * take one token if there is one.
 */
export function takeToken(
  state: BucketState | undefined,
  bucket: TokenBucketOptions,
  now: number,
): { state: BucketState; decision: RateLimitDecision } {
  const elapsedSeconds = state ? Math.max(0, now - state.updatedAt) / 1000 : 0;
  const available = state
    ? Math.min(bucket.capacity, state.tokens + elapsedSeconds * bucket.refillPerSecond)
    : bucket.capacity;
  if (available >= 1) {
    const tokens = available - 1;
    return {
      state: { tokens, updatedAt: now },
      decision: { allowed: true, remaining: Math.floor(tokens), retryAfterMs: 0 },
    };
  }
  const retryAfterMs = Math.ceil(((1 - available) / bucket.refillPerSecond) * 1000);
  return {
    state: { tokens: available, updatedAt: now },
    decision: { allowed: false, remaining: 0, retryAfterMs },
  };
}

/** Options of {@link createMemoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /**
   * Buckets kept before full ones are forgotten (a full bucket carries no information).
   * @default 10000
   */
  maxKeys?: number;
}

/** The default store: buckets in a Map, in this process only. */
export function createMemoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): RateLimitStore {
  const maxKeys = options.maxKeys ?? 10_000;
  const buckets = new Map<string, BucketState>();

  const forgetFullBuckets = (bucket: TokenBucketOptions, now: number) => {
    for (const [key, state] of buckets) {
      const refilled = state.tokens + ((now - state.updatedAt) / 1000) * bucket.refillPerSecond;
      if (refilled >= bucket.capacity) buckets.delete(key);
    }
  };

  return {
    take(key, bucket, now) {
      const { state, decision } = takeToken(buckets.get(key), bucket, now);
      buckets.set(key, state);
      if (buckets.size > maxKeys) forgetFullBuckets(bucket, now);
      return decision;
    },
  };
}
