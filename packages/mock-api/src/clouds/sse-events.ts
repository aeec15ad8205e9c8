import { createParser, type EventSourceMessage } from "eventsource-parser";

/** One event of the core's SSE body. */
export interface CoreSseEvent {
  /** The `event:` field; `message` when the event has none, as in the SSE spec. */
  event: string;
  data: string;
}

/**
 * Reads the core mock's SSE body as events, chunk by chunk, with eventsource-parser (so line breaks,
 * a CRLF split across two chunks included, follow the SSE spec). A final event without its blank line
 * is still read. A body that errors (a `drop` trigger) makes the iteration throw, so the caller can cut
 * its own connection too.
 */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<CoreSseEvent> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const parsed: CoreSseEvent[] = [];
  const parser = createParser({
    onEvent: ({ event, data }: EventSourceMessage) => parsed.push({ event: event ?? "message", data }),
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // At the end, a blank line ends a last event the body left open.
      parser.feed(done ? `${decoder.decode()}\n\n` : decoder.decode(value, { stream: true }));
      yield* parsed.splice(0);
      if (done) return;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
