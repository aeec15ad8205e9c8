/**
 * Property tests (fast-check): the stream decoders give the same result for any chunking of valid
 * input, and a typed error or nothing for garbage, never another exception or a hang.
 * The run counts are exported so the README figures come from one place.
 */
import {
  AnthropicError,
  JSONLDecoder,
  MessageAccumulator,
  MessageStream,
  PartialJSONAccumulator,
  type RawMessageStreamEvent,
  Stream,
} from "@colloquy/client";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { sseFrame, textEvents } from "./wire.js";

// Generous: some tests move tens of MB or hundreds of streams on a shared 2-core machine. Not a timing assertion.
vi.setConfig({ testTimeout: 30_000 });

/** numRuns of each property, quoted in the README. */
export const runs = {
  sseChunking: 300,
  relayChunking: 200,
  partialJsonFinal: 1000,
  partialJsonPrefixes: 500,
  partialJsonGarbage: 500,
  jsonlChunking: 300,
  sseRandomBytes: 500,
  sseRandomFrames: 500,
  jsonlRandomBytes: 500,
} as const;

const encoder = new TextEncoder();

/** Splits bytes (or a string) at the given cut points: any point, inside UTF-8 characters too. */
function splitAt<T extends Uint8Array | string>(whole: T, cuts: readonly number[]): T[] {
  const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let start = 0;
  for (const point of [...points, whole.length]) {
    pieces.push(whole.slice(start, point) as T);
    start = point;
  }
  return pieces;
}

function bodyOf(pieces: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[index++];
      if (piece === undefined) controller.close();
      else controller.enqueue(piece);
    },
  });
}

/** Fails instead of hanging: every run must finish within `ms`. */
async function bounded<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function accumulate(pieces: readonly Uint8Array[]) {
  const stream = Stream.fromSSEResponse<RawMessageStreamEvent>(
    new Response(bodyOf(pieces), { headers: { "content-type": "text/event-stream" } }),
    new AbortController(),
  );
  const accumulator = new MessageAccumulator();
  for await (const event of stream) accumulator.apply(event);
  return accumulator;
}

/** A valid message stream: a text block in arbitrary deltas, then a tool_use whose input JSON arrives in arbitrary fragments. */
const messageStreamArb = fc
  .record({
    textPieces: fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 12 }),
    input: fc.dictionary(
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.jsonValue({ maxDepth: 3, stringUnit: "grapheme" }),
      { maxKeys: 4 },
    ),
    inputCuts: fc.array(fc.nat(), { maxLength: 8 }),
    byteCuts: fc.array(fc.nat(), { maxLength: 24 }),
    lineEnd: fc.constantFrom("\n", "\r\n", "\r"),
    withPings: fc.boolean(),
  })
  .map(({ textPieces, input, inputCuts, byteCuts, lineEnd, withPings }) => {
    const text = textPieces.join("");
    const inputJson = JSON.stringify(input);
    const base = textEvents(text, "msg_prop", textPieces);
    const toolEvents = [
      {
        type: "content_block_start",
        index: 1,
        content_block: { type: "tool_use", id: "toolu_prop", name: "lookup", input: {} },
      },
      ...splitAt(inputJson, inputCuts).map((partial_json) => ({
        type: "content_block_delta",
        index: 1,
        delta: { type: "input_json_delta", partial_json },
      })),
      { type: "content_block_stop", index: 1 },
    ] as unknown as RawMessageStreamEvent[];
    const events = [...base.slice(0, -2), ...toolEvents, ...base.slice(-2)];
    let sse = events
      .map((event) => sseFrame(event.type, event))
      .join(withPings ? sseFrame("ping", { type: "ping" }) : "");
    sse = sse.replaceAll("\n", lineEnd);
    return { text, input, events, bytes: encoder.encode(sse), byteCuts };
  });

describe("SSE stream: any chunking gives the same message", () => {
  it(`builds the same final message for every chunking, split points inside UTF-8 characters included (${runs.sseChunking} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(messageStreamArb, async ({ text, input, events, bytes, byteCuts }) => {
        const whole = new MessageAccumulator();
        for (const event of events) whole.apply(event);
        const chunked = await bounded(accumulate(splitAt(bytes, byteCuts)));
        expect(chunked.done).toBe(true);
        expect(chunked.message).toEqual(whole.message);
        expect(chunked.message.content[0]).toMatchObject({ type: "text", text });
        // What the wire carries: JSON has no -0.
        expect(chunked.message.content[1]).toMatchObject({
          type: "tool_use",
          input: JSON.parse(JSON.stringify(input)),
        });
      }),
      { numRuns: runs.sseChunking },
    );
  });

  it(`relays a stream (toReadableStream → any chunking → MessageStream.fromReadableStream) without changing the message (${runs.relayChunking} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        messageStreamArb,
        fc.array(fc.nat(), { maxLength: 24 }),
        async ({ events, bytes, byteCuts }, relayCuts) => {
          const whole = new MessageAccumulator();
          for (const event of events) whole.apply(event);
          // The server side: SSE in, newline-delimited JSON out.
          const upstream = Stream.fromSSEResponse<RawMessageStreamEvent>(
            new Response(bodyOf(splitAt(bytes, byteCuts))),
            new AbortController(),
          );
          const relayed = new Uint8Array(await new Response(upstream.toReadableStream()).arrayBuffer());
          // The browser side: the relayed bytes, cut anywhere.
          const message = await bounded(
            MessageStream.fromReadableStream(bodyOf(splitAt(relayed, relayCuts))).finalMessage(),
          );
          expect(message).toEqual(whole.message);
        },
      ),
      { numRuns: runs.relayChunking },
    );
  });
});

describe("PartialJSONAccumulator", () => {
  const jsonText = fc.oneof(
    fc.json({ maxDepth: 4, stringUnit: "binary" }),
    fc.jsonValue({ maxDepth: 4, stringUnit: "grapheme" }).map((value) => JSON.stringify(value, null, 2)),
    fc.jsonValue({ maxDepth: 3 }).map((value) => ` \n\t${JSON.stringify(value, null, "\t")}\r\n `),
  );

  it(`equals JSON.parse at the end for any JSON value and any fragmentation (${runs.partialJsonFinal} runs)`, () => {
    fc.assert(
      fc.property(
        jsonText,
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.boolean(),
        (text, cuts, snapshotEach) => {
          const json = new PartialJSONAccumulator();
          for (const fragment of splitAt(text, cuts)) {
            json.push(fragment);
            if (snapshotEach) json.snapshot();
          }
          const expected = JSON.parse(text);
          expect(json.final()).toStrictEqual(expected);
          expect(json.snapshot()).toStrictEqual(expected);
        },
      ),
      { numRuns: runs.partialJsonFinal },
    );
  });

  it(`never throws on a prefix, and each snapshot is a JSON-serialisable value (${runs.partialJsonPrefixes} runs)`, () => {
    fc.assert(
      fc.property(jsonText, fc.array(fc.nat(), { maxLength: 40 }), (text, cuts) => {
        const json = new PartialJSONAccumulator();
        for (const fragment of splitAt(text, cuts)) {
          json.push(fragment);
          const snapshot = json.snapshot();
          expect(() => JSON.stringify(snapshot)).not.toThrow();
        }
      }),
      { numRuns: runs.partialJsonPrefixes },
    );
  });

  it(`never throws from snapshot() on arbitrary text (${runs.partialJsonGarbage} runs)`, () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 10 }), { maxLength: 10 }), (fragments) => {
        const json = new PartialJSONAccumulator();
        for (const fragment of fragments) {
          json.push(fragment);
          json.snapshot();
        }
      }),
      { numRuns: runs.partialJsonGarbage },
    );
  });
});

async function decodeJsonl(pieces: readonly Uint8Array[]): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of JSONLDecoder.fromResponse(new Response(bodyOf(pieces)), new AbortController()))
    values.push(value);
  return values;
}

describe("JSONL decoder", () => {
  it(`yields the same values for any chunking, CRLF and a missing final newline included (${runs.jsonlChunking} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3, stringUnit: "grapheme" }), { maxLength: 12 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (values, lineEnd, trailing, cuts) => {
          const text = values.map((value) => JSON.stringify(value)).join(lineEnd) + (trailing ? lineEnd : "");
          const decoded = await bounded(decodeJsonl(splitAt(encoder.encode(text), cuts)));
          expect(decoded).toStrictEqual(values.map((value) => JSON.parse(JSON.stringify(value))));
        },
      ),
      { numRuns: runs.jsonlChunking },
    );
  });
});

/** Runs a decoder over garbage: it must end, either cleanly or with an AnthropicError. */
async function expectTypedOrIgnored(run: Promise<unknown>): Promise<void> {
  try {
    await bounded(run);
  } catch (error) {
    if (!(error instanceof AnthropicError))
      throw new Error(`not an AnthropicError: ${String(error)}`, { cause: error });
  }
}

async function drainSSE(pieces: readonly Uint8Array[]): Promise<void> {
  const stream = Stream.fromSSEResponse(new Response(bodyOf(pieces)), new AbortController());
  for await (const _event of stream) {
    // Consume only.
  }
}

describe("garbage in: a typed error or nothing, never a crash or a hang", () => {
  it(`SSE: random bytes in random chunks (${runs.sseRandomBytes} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (bytes, cuts) => {
          await expectTypedOrIgnored(drainSSE(splitAt(bytes, cuts)));
        },
      ),
      { numRuns: runs.sseRandomBytes },
    );
  });

  it(`SSE: random frames built from real field names, event names and JSON fragments (${runs.sseRandomFrames} runs)`, async () => {
    const token = fc.constantFrom(
      "event: ",
      "event:",
      "data: ",
      "data:",
      "id: 1",
      "retry: 10",
      ": comment",
      "\n",
      "\r\n",
      "\r",
      "\n\n",
      "message_start",
      "message_stop",
      "content_block_delta",
      "error",
      "ping",
      '{"type":"message_start","message":{}}',
      '{"type":"error","error":{"type":"overloaded_error","message":"x"}}',
      '{"type":"error","error":{"type":"nonsense"}}',
      "{",
      "}",
      "null",
      '"',
      "\u{1F600}",
      "\uFEFF",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(token, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (tokens, cuts) => {
          await expectTypedOrIgnored(drainSSE(splitAt(encoder.encode(tokens.join("")), cuts)));
        },
      ),
      { numRuns: runs.sseRandomFrames },
    );
  });

  it(`JSONL: random bytes in random chunks (${runs.jsonlRandomBytes} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .array(
              fc.constantFrom("{", "}", "[", "]", '"a"', ":", ",", "1", "\n", "\r\n", " ", "null", "\u00e9"),
              { maxLength: 60 },
            )
            .map((parts) => encoder.encode(parts.join(""))),
        ),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (bytes, cuts) => {
          await expectTypedOrIgnored(decodeJsonl(splitAt(bytes, cuts)));
        },
      ),
      { numRuns: runs.jsonlRandomBytes },
    );
  });
});
