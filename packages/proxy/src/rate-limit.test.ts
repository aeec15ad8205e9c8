import { describe, expect, it } from "vitest";
import { createMemoryRateLimitStore, takeToken } from "./rate-limit.js";

const bucket = { capacity: 3, refillPerSecond: 2 };

describe("takeToken", () => {
  it("starts full, takes one token per request, then refuses with the wait for the next token", () => {
    let state = takeToken(undefined, bucket, 0);
    expect(state.decision).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    state = takeToken(state.state, bucket, 0);
    state = takeToken(state.state, bucket, 0);
    expect(state.decision.remaining).toBe(0);
    const refused = takeToken(state.state, bucket, 100);
    // 0.2 tokens refilled in 100 ms; 0.8 more take 400 ms at 2 per second.
    expect(refused.decision).toEqual({ allowed: false, remaining: 0, retryAfterMs: 400 });
    expect(takeToken(refused.state, bucket, 500).decision.allowed).toBe(true);
  });

  it("never refills above capacity and ignores a clock that goes backwards", () => {
    const idle = takeToken({ tokens: 0, updatedAt: 0 }, bucket, 60_000);
    expect(idle.decision.remaining).toBe(2);
    const backwards = takeToken({ tokens: 0.5, updatedAt: 1000 }, bucket, 0);
    expect(backwards.decision.allowed).toBe(false);
  });
});

describe("createMemoryRateLimitStore", () => {
  it("keeps one bucket per key and forgets full buckets past maxKeys", async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 2 });
    const one = { capacity: 1, refillPerSecond: 1 };
    expect((await store.take("a", one, 0)).allowed).toBe(true);
    expect((await store.take("a", one, 0)).allowed).toBe(false);
    expect((await store.take("b", one, 0)).allowed).toBe(true);
    // At 5 s every bucket is full again; adding a third key drops the full ones, and "a" is still allowed.
    expect((await store.take("c", one, 5000)).allowed).toBe(true);
    expect((await store.take("a", one, 5000)).allowed).toBe(true);
    expect((await store.take("a", one, 5000)).allowed).toBe(false);
  });
});
