import type { ReplyPlan } from "./reply-generator.js";
import { textPieces } from "./text-generator.js";
import type { ContentBlock, ErrorEnvelope, Message } from "./types.js";

/** One server-sent event: `event: <type>` and a single-line JSON `data`. */
export interface SseEvent {
  type: string;
  data: unknown;
}

/** The content type of every stream, as the real API sends it. */
export const EVENT_STREAM_CONTENT_TYPE = "text/event-stream; charset=utf-8";

/** Encodes one event: `event: <type>\ndata: <json>\n\n`. */
export function encodeEvent(event: SseEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

function groupPieces(text: string, size: number): string[] {
  const pieces = textPieces(text);
  const chunks: string[] = [];
  for (let index = 0; index < pieces.length; index += size)
    chunks.push(pieces.slice(index, index + size).join(""));
  return chunks;
}

function splitJson(json: string, size: number): string[] {
  const characters = Array.from(json);
  const chunks: string[] = [];
  for (let index = 0; index < characters.length; index += size)
    chunks.push(characters.slice(index, index + size).join(""));
  return chunks;
}

function blockEvents(block: ContentBlock, index: number): SseEvent[] {
  const delta = (value: unknown): SseEvent => ({
    type: "content_block_delta",
    data: { type: "content_block_delta", index, delta: value },
  });
  const events: SseEvent[] = [];
  if (block.type === "text") {
    // Like the real API, `citations` appears only on cited text (as `[]`, filled by the citation deltas).
    const skeleton = block.citations ? { type: "text", text: "", citations: [] } : { type: "text", text: "" };
    events.push({
      type: "content_block_start",
      data: { type: "content_block_start", index, content_block: skeleton },
    });
    for (const citation of block.citations ?? []) events.push(delta({ type: "citations_delta", citation }));
    for (const text of groupPieces(block.text, 3)) events.push(delta({ type: "text_delta", text }));
  } else if (block.type === "thinking") {
    events.push({
      type: "content_block_start",
      data: {
        type: "content_block_start",
        index,
        content_block: { type: "thinking", thinking: "", signature: "" },
      },
    });
    for (const thinking of groupPieces(block.thinking, 3))
      events.push(delta({ type: "thinking_delta", thinking }));
    events.push(delta({ type: "signature_delta", signature: block.signature }));
  } else {
    const skeleton = { type: "tool_use", id: block.id, name: block.name, input: {}, caller: block.caller };
    events.push({
      type: "content_block_start",
      data: { type: "content_block_start", index, content_block: skeleton },
    });
    events.push(delta({ type: "input_json_delta", partial_json: "" }));
    for (const part of splitJson(JSON.stringify(block.input), 24)) {
      events.push(delta({ type: "input_json_delta", partial_json: part }));
    }
  }
  events.push({ type: "content_block_stop", data: { type: "content_block_stop", index } });
  return events;
}

/**
 * The exact event sequence of a streamed reply: `message_start`, each block (`content_block_start`,
 * deltas, `content_block_stop`) with one `ping` after the first block start, a `message_delta` with the
 * cumulative usage, and `message_stop`. Accumulating the events gives `message`.
 */
export function messageStreamEvents(message: Message, plan: ReplyPlan): SseEvent[] {
  const start: Message = {
    ...message,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: {
      ...message.usage,
      output_tokens: Math.min(1, message.usage.output_tokens),
      output_tokens_details: null,
    },
  };
  const events: SseEvent[] = [{ type: "message_start", data: { type: "message_start", message: start } }];
  const ping: SseEvent = { type: "ping", data: { type: "ping" } };
  plan.content.forEach((block, index) => {
    const blockList = blockEvents(block, index);
    if (index === 0) blockList.splice(1, 0, ping);
    events.push(...blockList);
  });
  if (plan.content.length === 0) events.push(ping);
  const usage = message.usage;
  events.push({
    type: "message_delta",
    data: {
      type: "message_delta",
      delta: {
        stop_reason: message.stop_reason,
        stop_sequence: message.stop_sequence,
        stop_details: null,
        container: null,
      },
      usage: {
        input_tokens: usage.input_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        output_tokens: usage.output_tokens,
        output_tokens_details: usage.output_tokens_details,
        server_tool_use: null,
      },
    },
  });
  events.push({ type: "message_stop", data: { type: "message_stop" } });
  return events;
}

/** Pause before a dropped connection, so the events sent before it reach the reader. */
const DROP_PAUSE_MS = 25;

/** How a stream fails part-way: an `error` event, or a dropped connection (the body errors). */
export type StreamFailure =
  | { kind: "error"; after: number; error: ErrorEnvelope }
  | { kind: "drop"; after: number };

export interface EventStreamOptions {
  /** Pause before each event after the first, in milliseconds. */
  delayMs: number;
  /** Stops the stream (no more events, timers cleared) when the client goes away. */
  signal?: AbortSignal | undefined;
  failure?: StreamFailure | undefined;
}

/**
 * A byte stream of SSE events, paced by `delayMs` and produced on demand (pull), so a slow reader gets
 * backpressure and an aborted request stops the producer.
 */
export function createEventStream(
  events: readonly SseEvent[],
  options: EventStreamOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { signal, failure } = options;
  // Encoded up front, so a reader's first pull (after any latency) only has bytes to hand over.
  const encoded = events.map(encodeEvent);
  // The failure always happens before message_stop, so the stream is visibly incomplete.
  const failAt = failure ? Math.max(0, Math.min(failure.after, events.length - 1)) : -1;
  let position = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    wake?.();
  };
  signal?.addEventListener("abort", stop, { once: true });
  const finish = () => signal?.removeEventListener("abort", stop);

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stopped || signal?.aborted) {
        finish();
        controller.close();
        return;
      }
      const failing = failure !== undefined && position === failAt;
      // A drop comes a moment after the last event, so a reader has taken the events sent before it.
      const pause =
        failing && failure.kind === "drop" ? Math.max(options.delayMs, DROP_PAUSE_MS) : options.delayMs;
      if (position > 0 && pause > 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, pause);
        });
        timer = undefined;
        wake = undefined;
        if (stopped) {
          finish();
          controller.close();
          return;
        }
      }
      if (failing) {
        finish();
        if (failure.kind === "drop") {
          controller.error(new TypeError("mock-api: connection dropped mid-stream"));
          return;
        }
        controller.enqueue(encoder.encode(encodeEvent({ type: "error", data: failure.error })));
        controller.close();
        return;
      }
      // Unpaced, every event up to the next failure point leaves in one chunk (as one write would).
      const end =
        options.delayMs > 0 ? position + 1 : failAt === -1 ? events.length : Math.max(failAt, position + 1);
      let text = "";
      for (; position < end && position < encoded.length; position++) text += encoded[position];
      if (text.length > 0) controller.enqueue(encoder.encode(text));
      if (position >= events.length) {
        finish();
        controller.close();
      }
    },
    cancel() {
      stop();
      finish();
    },
  });
}
