import { encodeBedrockChunk, encodeBedrockException } from "@colloquy/mock-api/clouds";

/** The events of a short text reply, as Bedrock streams them. */
export const textReplyEvents: readonly object[] = [
  {
    type: "message_start",
    message: {
      id: "msg_bdrk_1",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5-20250929",
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 5, output_tokens: 1 },
    },
  },
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
  { type: "ping" },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hello" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: ", wörld 👋" } },
  { type: "content_block_stop", index: 0 },
  {
    type: "message_delta",
    delta: { stop_reason: "end_turn", stop_sequence: null },
    usage: { output_tokens: 4 },
  },
  { type: "message_stop", "amazon-bedrock-invocationMetrics": { inputTokenCount: 5, outputTokenCount: 4 } },
];

/** Event-stream frames of those events. */
export function framesOf(events: readonly object[]): Uint8Array[] {
  return events.map((event) => encodeBedrockChunk(JSON.stringify(event)));
}

export { encodeBedrockException };

/** One buffer from many. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/** How a test body ends once its chunks are out: as a complete body, never, or as a dropped connection. */
type BodyEnd = "close" | "stall" | "fail";

/** An event-stream response whose body delivers `chunks` one by one, then ends as `end` says. */
function responseOf(chunks: readonly Uint8Array[], end: BodyEnd): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (end === "close") controller.close();
      else if (end === "fail") controller.error(new TypeError("terminated"));
      else return new Promise(() => {});
    },
  });
  return new Response(body, { headers: { "content-type": "application/vnd.amazon.eventstream" } });
}

/** A response whose body delivers `chunks` one by one. */
export const eventStreamResponse = (chunks: readonly Uint8Array[]) => responseOf(chunks, "close");

/** A response that delivers `chunks` and then never sends another byte. */
export const stallingResponse = (chunks: readonly Uint8Array[]) => responseOf(chunks, "stall");

/** A response that delivers `chunks` and then fails like a dropped connection. */
export const failingResponse = (chunks: readonly Uint8Array[]) => responseOf(chunks, "fail");
