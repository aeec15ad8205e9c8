/** Wire-format builders for the reliability tests: Message bodies, SSE streams and error envelopes. */
import type { Message, RawMessageStreamEvent } from "../../src/index.js";
import type { Behaviour } from "./fault-server.js";

export const model = "claude-sonnet-4-6";

export const params = {
  model,
  max_tokens: 256,
  messages: [{ role: "user" as const, content: "Hello" }],
};

/** A complete text `Message` as the API returns it. */
export function textMessage(text: string, id = "msg_fault_1"): Message {
  return {
    id,
    type: "message",
    role: "assistant",
    model,
    content: [{ type: "text", text, citations: null }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 5, output_tokens: text.split(" ").length },
  } as unknown as Message;
}

/** The events that stream `text` as one text block, in deltas of `pieces` (default: word by word). */
export function textEvents(
  text: string,
  id = "msg_fault_1",
  pieces?: readonly string[],
): RawMessageStreamEvent[] {
  const deltas = pieces ?? text.match(/\S+\s*|\s+/g) ?? [];
  const started = { ...textMessage("", id), content: [], stop_reason: null };
  return [
    { type: "message_start", message: started },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "", citations: null } },
    ...deltas.map(
      (piece) =>
        ({
          type: "content_block_delta",
          index: 0,
          delta: { type: "text_delta", text: piece },
        }) as RawMessageStreamEvent,
    ),
    { type: "content_block_stop", index: 0 },
    {
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: deltas.length },
    },
    { type: "message_stop" },
  ] as unknown as RawMessageStreamEvent[];
}

/** One SSE frame. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

/** The SSE frames of some events (each named after its type), with a `ping` after the start. */
export function sseFrames(events: readonly RawMessageStreamEvent[]): string[] {
  const frames = events.map((event) => sseFrame(event.type, event));
  frames.splice(1, 0, sseFrame("ping", { type: "ping" }));
  return frames;
}

export const sseHeaders = { "content-type": "text/event-stream; charset=utf-8", "request-id": "req_fault" };
export const jsonHeaders = { "content-type": "application/json", "request-id": "req_fault" };

/** The JSON error envelope of the API. */
export function errorBody(type: string, message: string): string {
  return JSON.stringify({ type: "error", error: { type, message }, request_id: "req_fault" });
}

/** An HTML page, as a proxy or a captive portal sends instead of the API's JSON. */
export function htmlPage(status: number, body: string): Behaviour {
  return { kind: "respond", status, headers: { "content-type": "text/html" }, body };
}
