import { describe, expect, test } from "vitest";
import { stableHash, stableStringify } from "./stable-hash.js";

describe("stableHash", () => {
  test("gives the same hash whatever the key order", () => {
    const first = { model: "m", max_tokens: 10, messages: [{ role: "user", content: "hi" }] };
    const second = { messages: [{ content: "hi", role: "user" }], max_tokens: 10, model: "m" };
    expect(stableHash(first)).toBe(stableHash(second));
  });

  test("tells apart params that differ in one value or in array order", () => {
    const base = { model: "m", messages: ["a", "b"] };
    expect(stableHash(base)).not.toBe(stableHash({ ...base, model: "n" }));
    expect(stableHash(base)).not.toBe(stableHash({ ...base, messages: ["b", "a"] }));
  });

  test("ignores members that are undefined, as JSON does", () => {
    expect(stableStringify({ a: 1, b: undefined })).toBe(stableStringify({ a: 1 }));
  });

  test("is 16 hex digits", () => {
    expect(stableHash({ a: "x".repeat(10_000) })).toMatch(/^[0-9a-f]{16}$/);
  });
});
