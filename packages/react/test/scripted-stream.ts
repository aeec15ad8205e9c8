import type { RawMessageStreamEvent } from "../src/internal/types.js";
import { clientWithFetch } from "./scripted-client.js";

/** The events of a reply from `message_start` up to (not including) its first block. */
export function messageStart(model = "claude-sonnet-4-6"): RawMessageStreamEvent {
  return {
    type: "message_start",
    message: {
      id: "msg_scripted",
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 5, output_tokens: 1 },
    },
  } as RawMessageStreamEvent;
}

/** A whole text block at `index`, in one delta per part. */
export function textBlock(index: number, ...parts: string[]): RawMessageStreamEvent[] {
  return [
    { type: "content_block_start", index, content_block: { type: "text", text: "", citations: null } },
    ...parts.map(
      (text): RawMessageStreamEvent => ({
        type: "content_block_delta",
        index,
        delta: { type: "text_delta", text },
      }),
    ),
    { type: "content_block_stop", index },
  ] as RawMessageStreamEvent[];
}

/** A whole client tool call at `index`, its input sent as one JSON fragment. */
export function toolUseBlock(
  index: number,
  id: string,
  name: string,
  input: object,
): RawMessageStreamEvent[] {
  return [
    { type: "content_block_start", index, content_block: { type: "tool_use", id, name, input: {} } },
    {
      type: "content_block_delta",
      index,
      delta: { type: "input_json_delta", partial_json: JSON.stringify(input) },
    },
    { type: "content_block_stop", index },
  ] as RawMessageStreamEvent[];
}

/** The closing events of a reply. */
export function messageEnd(stopReason = "end_turn"): RawMessageStreamEvent[] {
  return [
    {
      type: "message_delta",
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: 12 },
    },
    { type: "message_stop" },
  ] as RawMessageStreamEvent[];
}

function frame(event: RawMessageStreamEvent): Uint8Array {
  return new TextEncoder().encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

/**
 * A client whose every streaming request gets an event stream the test writes into, one `push` at a time
 * (each pushed event is its own network read), and ends with `end`. Requests are counted.
 */
export function scriptedStreamClient() {
  let writer: ReadableStreamDefaultController<Uint8Array> | null = null;
  let requests = 0;
  const client = clientWithFetch(async () => {
    requests += 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        writer = controller;
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  return {
    client,
    requests: () => requests,
    push(...events: RawMessageStreamEvent[]) {
      if (!writer) throw new Error("push() before the request reached the scripted fetch");
      for (const event of events) writer.enqueue(frame(event));
    },
    end() {
      writer?.close();
    },
  };
}

/** A client whose every streaming request answers the whole of `events` at once. */
export function cannedStreamClient(events: RawMessageStreamEvent[]) {
  return clientWithFetch(async () => {
    const chunks = events.map(frame);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
}
