/**
 * Recorded streams of the protocol document (ANTHROPIC_API.md §3.4-3.6), byte for byte, and helpers to
 * serve them as chunked bodies. Test-only: excluded from the build.
 */

import type { RawMessageStreamEvent } from "../types/index.js";
import { type SSEStreamOptions, Stream } from "./stream.js";

/**
 * A recorded stream from its `data:` lines, as the document prints them: each event is framed as
 * `event: <its type>`, the data line, and a blank line, the API's framing.
 */
function recordedEvents(...dataLines: string[]): string {
  return dataLines.map((line) => sseEvent((JSON.parse(line) as { type: string }).type, line)).join("");
}

/** §3.4: a text answer, with a ping. */
export const textAnswerSSE = recordedEvents(
  '{"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[],"stop_reason":null,"stop_sequence":null,"stop_details":null,"container":null,"diagnostics":null,"usage":{"input_tokens":14,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":1,"output_tokens_details":null,"server_tool_use":null,"service_tier":"standard","inference_geo":null,"speed":null}}}',
  '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
  '{"type":"ping"}',
  '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}',
  '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"! How can I help?"}}',
  '{"type":"content_block_stop","index":0}',
  '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null,"stop_details":null,"container":null},"usage":{"input_tokens":14,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":9,"output_tokens_details":null,"server_tool_use":null}}',
  '{"type":"message_stop"}',
);

/** The event types of {@link textAnswerSSE} in order, its ping dropped (what a `Stream` of it yields). */
export const textAnswerEventTypes = [
  "message_start",
  "content_block_start",
  "content_block_delta",
  "content_block_delta",
  "content_block_stop",
  "message_delta",
  "message_stop",
] as const;

/** The text answer up to its first content block (its `message_start`): a stream that then stalls, fails or is cut. */
export const textAnswerStartSSE = textAnswerSSE.slice(0, textAnswerSSE.indexOf("event: content_block_start"));

/** An `error` event of type `overloaded_error`, as the API sends one in the middle of a stream. */
export const overloadedErrorSSE = sseEvent("error", {
  type: "error",
  error: { type: "overloaded_error", message: "Overloaded" },
});

/** §3.5: text, then a tool_use whose input streams as input_json_delta. */
export const toolUseAnswerSSE = recordedEvents(
  '{"type":"message_start","message":{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[],"stop_reason":null,"stop_sequence":null,"stop_details":null,"container":null,"diagnostics":null,"usage":{"input_tokens":472,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":2,"output_tokens_details":null,"server_tool_use":null,"service_tier":"standard","inference_geo":null,"speed":null}}}',
  '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
  '{"type":"ping"}',
  '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check the weather."}}',
  '{"type":"content_block_stop","index":0}',
  '{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{},"caller":{"type":"direct"}}}',
  '{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}',
  '{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\": \\"San Fra"}}',
  '{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"ncisco, CA\\", \\"unit\\": \\"celsius\\"}"}}',
  '{"type":"content_block_stop","index":1}',
  '{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null,"stop_details":null,"container":null},"usage":{"output_tokens":89}}',
  '{"type":"message_stop"}',
);

/** §3.6: a thinking block fragment (no message_start). */
export const thinkingBlockSSE = recordedEvents(
  '{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}',
  '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The user greets me; "}}',
  '{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds..."}}',
  '{"type":"content_block_stop","index":0}',
);

const encoder = new TextEncoder();

/** A body that delivers the given chunks in order (strings are UTF-8 encoded), then ends. */
export function bodyOf(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    },
  });
}

/** A body that delivers the chunks, then never sends another byte nor ends (a stalled connection). */
export function stallingBody(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      else return new Promise<void>(() => {});
    },
  });
}

/** A body that sends the start of the text answer (its `message_start`), then stalls: never more, never an end. */
export function stalledAnswerBody(): ReadableStream<Uint8Array> {
  return stallingBody([textAnswerStartSSE]);
}

/** A body that delivers the chunks, then fails like a reset connection. */
export function failingBody(chunks: readonly string[], failure: Error): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else controller.error(failure);
    },
  });
}

/** The bytes split in two at `at` (a byte offset, so it may fall inside a UTF-8 character). */
export function splitBytesAt(text: string, at: number): Uint8Array[] {
  const bytes = encoder.encode(text);
  return [bytes.slice(0, at), bytes.slice(at)];
}

/** A 200 SSE response with the body. */
export function sseResponse(
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "request-id": "req_test_1", ...headers },
  });
}

/**
 * An SSE response with `body` and its event stream, as `messages.create({ stream: true }).withResponse()`
 * resolves them (`request_id` is the response's `request-id`). `controller` aborts the reading.
 */
export function streamedAnswer(
  body: ReadableStream<Uint8Array>,
  controller: AbortController = new AbortController(),
  options?: SSEStreamOptions,
): { data: Stream<RawMessageStreamEvent>; response: Response; request_id: string | null } {
  const response = sseResponse(body);
  return {
    data: Stream.fromSSEResponse<RawMessageStreamEvent>(response, controller, options),
    response,
    request_id: response.headers.get("request-id"),
  };
}

/** One SSE event as the API frames it. */
export function sseEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}
