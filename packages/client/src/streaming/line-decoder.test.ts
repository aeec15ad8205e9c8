import { describe, expect, it } from "vitest";
import { LineDecoder } from "./line-decoder.js";

const encoder = new TextEncoder();

function linesOf(chunks: readonly (string | Uint8Array)[]): { line: string; ended: boolean }[] {
  const lines: { line: string; ended: boolean }[] = [];
  const decoder: LineDecoder = new LineDecoder((line) => lines.push({ line, ended: decoder.ended }));
  for (const chunk of chunks) decoder.decode(chunk);
  decoder.flush();
  return lines;
}

describe("LineDecoder", () => {
  it("ends lines at LF, CR and CRLF, also a CRLF split across chunks", () => {
    const lines = linesOf(["a\nb\rc\r", "\nd\r\n"]).map(({ line }) => line);
    expect(lines).toEqual(["a", "b", "c", "d", "", ""]);
  });

  it("keeps a line that arrives in many chunks whole, and a character split across chunks", () => {
    const bytes = encoder.encode("héllo 😀\n");
    const chunks = [...bytes].map((byte) => Uint8Array.of(byte));
    expect(linesOf(chunks)[0]).toEqual({ line: "héllo 😀", ended: false });
  });

  it("passes on a last line without its line end at flush(), marked as after the end", () => {
    expect(linesOf(["one\ntw", "o"])).toEqual([
      { line: "one", ended: false },
      { line: "two", ended: true },
      { line: "", ended: true },
    ]);
  });

  it("drops a BOM at the start, given as bytes or as text", () => {
    expect(linesOf(["\uFEFFa\n"])[0]?.line).toBe("a");
    expect(linesOf([encoder.encode("\uFEFFa\n")])[0]?.line).toBe("a");
  });
});
