/**
 * A differential property test of the SSE path: random SSE bodies, cut into random chunks (inside
 * UTF-8 characters and between CR and LF too), go through our `Stream.fromSSEResponse`, and the same
 * body, whole, through a bare eventsource-parser with `JSON.parse` and the official SDK's rules (skip
 * events without a name and `ping`s, skip empty data, an `error` event ends the stream with an error).
 * Both must give the same events and end the same way. The README quotes {@link differentialRuns}.
 */
import { createParser } from "eventsource-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AnthropicError, APIError } from "../errors.js";
import { Stream } from "./stream.js";
import { bodyOf, sseResponse } from "./test-sse-fixtures.js";

/** Runs of the property in every `npm test`; the README quotes this figure. */
export const differentialRuns = 1000;

const encoder = new TextEncoder();

/** What reading a body gave: the events, then how it ended. */
interface Outcome {
  events: unknown[];
  end: "done" | "api-error" | "invalid-json";
}

/** The reference: a bare eventsource-parser fed the whole body at once, and `JSON.parse`. */
function reference(body: string): Outcome {
  const events: unknown[] = [];
  let end: Outcome["end"] = "done";
  const parser = createParser({
    onEvent({ event, data }) {
      if (end !== "done" || event === undefined || event === "ping") return;
      if (event === "error") {
        end = "api-error";
        return;
      }
      if (data === "") return;
      try {
        events.push(JSON.parse(data));
      } catch {
        end = "invalid-json";
      }
    },
  });
  parser.feed(body);
  return { events, end };
}

async function ours(pieces: readonly Uint8Array[]): Promise<Outcome> {
  const events: unknown[] = [];
  try {
    for await (const event of Stream.fromSSEResponse(sseResponse(bodyOf(pieces)), new AbortController())) {
      events.push(event);
    }
  } catch (error) {
    if (error instanceof APIError) return { events, end: "api-error" };
    if (error instanceof AnthropicError && error.message.startsWith("Invalid JSON")) {
      return { events, end: "invalid-json" };
    }
    throw error;
  }
  return { events, end: "done" };
}

const lineEnd = fc.constantFrom("\n", "\r", "\r\n");
const space = fc.constantFrom("", " ");

/** The data of an event: JSON on one line or pretty-printed over several `data:` lines, or not JSON. */
const dataLines = fc
  .oneof(
    { weight: 8, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 2, stringUnit: "grapheme" }), fc.boolean()) },
    { weight: 1, arbitrary: fc.constant(['{"cut', false] as const) },
    { weight: 1, arbitrary: fc.constant(["", false] as const) },
  )
  .map(([value, pretty]) => {
    const text =
      typeof value === "string" && value.startsWith('{"cut')
        ? value
        : JSON.stringify(value, null, pretty ? 2 : 0);
    return text.split("\n");
  });

/** Lines that do not change the event: comments, `id`, `retry` and unknown fields. */
const noiseLine = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 8 }).map((text) => `:${text.replace(/[\r\n]/g, "")}`),
  fc.constantFrom("id: 42", "retry: 1000", "retry: soon", "foo: bar", "foo"),
);

/** One event: its lines in some order, with noise between them, then a blank line. */
const frame = fc
  .record({
    name: fc.option(
      fc.constantFrom("content_block_delta", "message_delta", "ping", "future_event", "error", "é😀"),
      { nil: undefined },
    ),
    nameFirst: fc.boolean(),
    data: fc.option(dataLines, { nil: undefined, freq: 8 }),
    noise: fc.array(noiseLine, { maxLength: 2 }),
    eventSpace: space,
    dataSpace: space,
    eol: lineEnd,
  })
  .map(({ name, nameFirst, data, noise, eventSpace, dataSpace, eol }) => {
    const nameLines = name === undefined ? [] : [`event:${eventSpace}${name}`];
    const data_ = (data ?? []).map((line) => `data:${dataSpace}${line}`);
    const lines = nameFirst ? [...nameLines, ...noise, ...data_] : [...data_, ...noise, ...nameLines];
    return { text: lines.map((line) => line + eol).join(""), eol };
  });

const body = fc
  .record({
    frames: fc.array(frame, { maxLength: 8 }),
    bom: fc.boolean(),
    lastBlankLine: fc.boolean(),
    cuts: fc.array(fc.nat(), { maxLength: 12 }),
  })
  .map(({ frames, bom, lastBlankLine, cuts }) => {
    let text = bom ? "\uFEFF" : "";
    frames.forEach(({ text: lines, eol }, index) => {
      text += lines;
      // Every event ends with a blank line, but the last one may lack it (the body ended without).
      if (index < frames.length - 1 || lastBlankLine) text += eol;
    });
    const bytes = encoder.encode(text);
    const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
    const pieces = [...points, bytes.length].map((point, index, all) =>
      bytes.slice(all[index - 1] ?? 0, point),
    );
    // The SSE spec drops an event without its blank line at the end; we dispatch it on purpose, so
    // the reference is given that blank line. A BOM is dropped by the byte decoder on our side.
    const referenceText = `${text.replace(/^\uFEFF/, "")}\n\n`;
    return { referenceText, pieces };
  });

describe("SSE path: our Stream against eventsource-parser + JSON.parse", () => {
  it(`gives the same events and the same ending for random bodies in random chunks (${differentialRuns} runs)`, async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(body, async ({ referenceText, pieces }) => {
        const expected = reference(referenceText);
        if (expected.events.length > 0) nonEmpty++;
        expect(await ours(pieces)).toEqual(expected);
      }),
      { numRuns: differentialRuns },
    );
    // The generator makes bodies with events, not only noise.
    expect(nonEmpty).toBeGreaterThan(differentialRuns / 2);
  });
});
