import { describe, expect, it } from "vitest";
import { type CoreSseEvent, readSseEvents } from "./sse-events.js";

/** A body that delivers exactly these chunks (text or raw bytes), then ends. */
function bodyOf(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function eventsOf(chunks: readonly (string | Uint8Array)[]): Promise<CoreSseEvent[]> {
  const events: CoreSseEvent[] = [];
  for await (const event of readSseEvents(bodyOf(chunks))) events.push(event);
  return events;
}

describe("readSseEvents", () => {
  it("reads a CRLF split across two chunks as one line break", async () => {
    // The old hand-written reader turned the "\r" + "\n" into two breaks, i.e. a blank line, and ended
    // the event early: "a" would have come out alone and "b" as a second event without its name.
    const events = await eventsOf(["event: delta\r\ndata: a\r", "\ndata: b\r\n\r\n"]);
    expect(events).toEqual([{ event: "delta", data: "a\nb" }]);
  });

  it("reads LF, CR and CRLF line endings alike", async () => {
    const events = await eventsOf([
      "event: x\ndata: 1\n\n",
      "event: y\rdata: 2\r\r",
      "event: z\r\ndata: 3\r\n\r\n",
    ]);
    expect(events).toEqual([
      { event: "x", data: "1" },
      { event: "y", data: "2" },
      { event: "z", data: "3" },
    ]);
  });

  it("names an event without an event field 'message' and skips comments and events without data", async () => {
    const events = await eventsOf([": keep-alive\n\n", "event: ping\n\n", "data: {}\n\n"]);
    expect(events).toEqual([{ event: "message", data: "{}" }]);
  });

  it("reads a UTF-8 character split across chunks", async () => {
    const bytes = new TextEncoder().encode('data: "é"\n\n');
    const cut = bytes.indexOf(0xc3) + 1;
    expect(await eventsOf([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([
      { event: "message", data: '"é"' },
    ]);
  });

  it("reads a final event that lacks its blank line, even one ending in a lone CR", async () => {
    expect(await eventsOf(["event: a\ndata: 1"])).toEqual([{ event: "a", data: "1" }]);
    expect(await eventsOf(["event: a\rdata: 1\r"])).toEqual([{ event: "a", data: "1" }]);
  });

  it("throws when the body errors, so a face can cut its own connection", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An error discards chunks still queued, so the event goes out on one pull and the error on the next.
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode("event: a\ndata: 1\n\n"));
        else controller.error(new Error("connection dropped"));
      },
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of readSseEvents(body)) seen.push(event.data);
      })(),
    ).rejects.toThrow("connection dropped");
    expect(seen).toEqual(["1"]);
  });
});
