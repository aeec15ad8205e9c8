import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32.js";

describe("crc32", () => {
  it("gives the standard check value for the ASCII digits 1-9", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("agrees with zlib on assorted buffers and sub-ranges", () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    for (const [start, end] of [
      [0, 0],
      [0, 1],
      [3, 17],
      [100, 4096],
      [0, 4096],
    ] as const) {
      expect(crc32(bytes, start, end)).toBe(zlibCrc32(bytes.subarray(start, end)));
    }
  });
});
