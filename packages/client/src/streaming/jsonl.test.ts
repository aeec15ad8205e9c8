import { describe, expect, it } from "vitest";
import { collect, failure, failureOfReadAbortedWhileWaiting } from "../../test/helpers/promises.js";
import { AnthropicError, APIUserAbortError } from "../errors.js";
import type { MessageBatchIndividualResponse } from "../types/index.js";
import { JSONLDecoder } from "./jsonl.js";
import { Stream } from "./stream.js";
import { bodyOf, stallingBody } from "./test-sse-fixtures.js";

// The results example of ANTHROPIC_API.md §6.3.
const results = [
  '{"custom_id":"req-1","result":{"type":"succeeded","message":{"id":"msg_01A","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[{"type":"text","text":"Hi! ✓"}],"stop_reason":"end_turn","stop_sequence":null,"stop_details":null,"container":null,"diagnostics":null,"usage":{"input_tokens":10,"output_tokens":3,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":null,"server_tool_use":null,"service_tier":"batch","output_tokens_details":null,"inference_geo":null,"speed":null}}}}',
  '{"custom_id":"req-2","result":{"type":"errored","error":{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"},"request_id":null}}}',
  '{"custom_id":"req-3","result":{"type":"expired"}}',
];

function decoderOf(chunks: readonly (string | Uint8Array)[], controller = new AbortController()) {
  return JSONLDecoder.fromResponse<MessageBatchIndividualResponse>(new Response(bodyOf(chunks)), controller);
}

describe("JSONLDecoder", () => {
  const expected = results.map((line) => JSON.parse(line));
  const body = `${results.join("\n")}\n`;

  it("decodes one value per line for every split point, even inside a UTF-8 character", async () => {
    const bytes = new TextEncoder().encode(body);
    for (let at = 0; at <= bytes.length; at += 3) {
      expect(await collect(decoderOf([bytes.slice(0, at), bytes.slice(at)]))).toEqual(expected);
    }
  });

  it("accepts CRLF line ends and skips blank lines", async () => {
    expect(await collect(decoderOf([`\r\n${results.join("\r\n\r\n")}\r\n`]))).toEqual(expected);
  });

  it("parses a last line that has no newline", async () => {
    expect(await collect(decoderOf([results.join("\n")]))).toEqual(expected);
  });

  it("throws an AnthropicError with the line number for a malformed line", async () => {
    const error = await failure(collect(decoderOf([`${results[0]}\n{"custom_id": oops}\n${results[2]}\n`])));
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toContain("line 2");
  });

  it("throws rather than dropping a truncated last line", async () => {
    const cut = `${results[0]}\n${results[1]!.slice(0, 40)}`;
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const result of decoderOf([cut])) seen.push(result.custom_id);
      })(),
    );
    expect(seen).toEqual(["req-1"]);
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toMatch(/line 2 .*ended inside it/);
  });

  it("rejects a response without a body and aborts the request", async () => {
    const controller = new AbortController();
    const error = await failure(collect(JSONLDecoder.fromResponse(new Response(null), controller)));
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toContain("no body");
    expect(controller.signal.aborted).toBe(true);
  });

  it("aborts the request when the consumer breaks out", async () => {
    const controller = new AbortController();
    for await (const result of decoderOf([body], controller)) {
      if (result.custom_id === "req-1") break;
    }
    expect(controller.signal.aborted).toBe(true);
  });

  it("throws APIUserAbortError when aborted while waiting for more lines", async () => {
    const controller = new AbortController();
    const decoder = JSONLDecoder.fromResponse(new Response(stallingBody([`${results[0]}\n`])), controller);
    expect(await failureOfReadAbortedWhileWaiting(decoder, controller)).toBeInstanceOf(APIUserAbortError);
  });

  it("is a Stream: tee() gives two readers of every value, and a second iteration throws", async () => {
    const decoder = decoderOf([body]);
    expect(decoder).toBeInstanceOf(Stream);
    const [first, second] = decoder.tee();
    expect(await collect(first)).toEqual(expected);
    expect(await collect(second)).toEqual(expected);
    expect(() => decoder[Symbol.asyncIterator]()).toThrow(/consumed stream/);
  });
});
