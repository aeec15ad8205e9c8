import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AnthropicError } from "../errors.js";
import { PartialJSONAccumulator } from "./partial-json.js";

function accumulate(fragments: string[]): PartialJSONAccumulator {
  const json = new PartialJSONAccumulator();
  for (const fragment of fragments) json.push(fragment);
  return json;
}

function splitEvery(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size) parts.push(text.slice(start, start + size));
  return parts;
}

describe("PartialJSONAccumulator", () => {
  it("shows an unfinished string value as its prefix", () => {
    const json = accumulate(['{"location": "San Fra']);
    expect(json.snapshot()).toEqual({ location: "San Fra" });
  });

  it("drops a key whose value has not started", () => {
    expect(accumulate(['{"a": 1, "unit']).snapshot()).toEqual({ a: 1 });
    expect(accumulate(['{"a": 1, "unit":']).snapshot()).toEqual({ a: 1 });
    expect(accumulate(['{"a": 1, "unit": ']).snapshot()).toEqual({ a: 1 });
  });

  it("keeps nested open containers with what they hold so far", () => {
    const json = accumulate(['{"items": [{"name": "x", "tags": ["a", "b']);
    expect(json.snapshot()).toEqual({ items: [{ name: "x", tags: ["a", "b"] }] });
  });

  it("shows a number only once its text is a valid number", () => {
    expect(accumulate(['{"n": -']).snapshot()).toEqual({});
    expect(accumulate(['{"n": 12']).snapshot()).toEqual({ n: 12 });
    expect(accumulate(["[1.5, 2"]).snapshot()).toEqual([1.5, 2]);
  });

  it("leaves literals out until they are complete", () => {
    expect(accumulate(['{"ok": tr']).snapshot()).toEqual({});
    expect(accumulate(['{"ok": true']).snapshot()).toEqual({ ok: true });
  });

  it("decodes escapes split across fragments, surrogate pairs included", () => {
    const json = new PartialJSONAccumulator();
    const snapshots: unknown[] = [];
    for (const fragment of ['{"s": "a\\', "n\\u00", "e9\\ud83d", '\\ude00"}']) {
      json.push(fragment);
      snapshots.push(structuredClone(json.snapshot()));
    }
    expect(snapshots).toEqual([{ s: "a" }, { s: "a\n" }, { s: "a\né\ud83d" }, { s: "a\né😀" }]);
    expect(json.final()).toEqual({ s: "a\né😀" });
  });

  it("parses only the text pushed since the last snapshot, mutating the same value", () => {
    const json = accumulate(['{"a": "x']);
    const first = json.snapshot();
    json.push('yz"}');
    expect(json.snapshot()).toBe(first);
    expect(first).toEqual({ a: "xyz" });
  });

  it("gives a __proto__ key as an own property, as JSON.parse does", () => {
    const text = '{"__proto__": {"polluted": true}}';
    const value = accumulate([text]).snapshot() as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects invalid and incomplete input in final() with an AnthropicError", () => {
    for (const text of [
      "",
      "{",
      '{"a":}',
      "[1,]",
      "01",
      "1.",
      '"\u0001"',
      "tru",
      "nul l",
      "[1] 2",
      '{"a" 1}',
      "-",
    ]) {
      expect(() => accumulate([text]).final(), text).toThrow(AnthropicError);
    }
  });

  it("never throws from snapshot() at any prefix of a tool input", () => {
    const text = JSON.stringify({
      location: "San Francisco, CA",
      unit: "celsius",
      days: [1, 2.5, -3e2, true, false, null],
      nested: { quote: 'he said "hi"\n\t\\', empty: {}, list: [] },
    });
    for (let end = 0; end <= text.length; end++) {
      const json = accumulate([text.slice(0, end)]);
      expect(() => json.snapshot()).not.toThrow();
    }
    expect(accumulate([text]).snapshot()).toEqual(JSON.parse(text));
    expect(accumulate([text]).final()).toEqual(JSON.parse(text));
  });

  it("equals JSON.parse for any JSON value split at any points", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.nat(), { maxLength: 8 }), (value, cuts) => {
        const text = JSON.stringify(value, null, cuts.length % 2 === 0 ? undefined : 1);
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const fragments: string[] = [];
        let start = 0;
        for (const point of points) {
          fragments.push(text.slice(start, point));
          start = point;
        }
        fragments.push(text.slice(start));
        const json = new PartialJSONAccumulator();
        let last: unknown;
        for (const fragment of fragments) {
          json.push(fragment);
          last = json.snapshot();
        }
        // The incremental parse ends on the same value as the native parse of the whole.
        expect(last).toEqual(JSON.parse(text));
        expect(json.final()).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws from snapshot() on arbitrary text, and agrees with JSON.parse on valid text", () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9.eE+\-tfrunlasx\\]{0,16}$/);
    fc.assert(
      fc.property(jsonish, (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        const json = new PartialJSONAccumulator();
        let last: unknown;
        for (const fragment of splitEvery(text, 3)) {
          json.push(fragment);
          last = json.snapshot();
        }
        if (valid) {
          expect(last).toEqual(expected);
          expect(json.final()).toEqual(expected);
        } else {
          expect(() => json.final()).toThrow(AnthropicError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("accumulates a 64 KB input in 16-character fragments, snapshotting after each", () => {
    const value = {
      files: Array.from({ length: 600 }, (_, index) => ({
        path: `src/file-${index}.ts`,
        lines: index * 3,
        body: "x".repeat(60),
      })),
    };
    const text = JSON.stringify(value);
    expect(text.length).toBeGreaterThan(64_000);
    const json = new PartialJSONAccumulator();
    let last: unknown;
    for (const fragment of splitEvery(text, 16)) {
      json.push(fragment);
      last = json.snapshot();
    }
    expect(last).toEqual(value);
    expect(json.final()).toEqual(value);
  });
});
