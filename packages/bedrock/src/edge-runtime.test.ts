// @vitest-environment edge-runtime
import { encodeBedrockChunk } from "@colloquy/mock-api/clouds";
import { describe, expect, it } from "vitest";
import { AnthropicBedrock } from "./index.js";

describe("AnthropicBedrock in an edge runtime", () => {
  it("signs with WebCrypto and decodes an event-stream reply there", async () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe("string");
    const events = [
      {
        type: "message_start",
        message: {
          id: "m",
          type: "message",
          role: "assistant",
          model: "x",
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 1, output_tokens: 1 },
        },
      },
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "edge" } },
      { type: "content_block_stop", index: 0 },
      {
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: { output_tokens: 2 },
      },
      { type: "message_stop" },
    ];
    let authorization: string | null = null;
    const client = new AnthropicBedrock({
      awsRegion: "us-west-2",
      awsAccessKey: "AKIDEXAMPLE",
      awsSecretKey: "secret",
      apiKey: null,
      fetch: async (_url, init) => {
        authorization = new Headers(init?.headers).get("authorization");
        const frames = events.map((event) => encodeBedrockChunk(JSON.stringify(event)));
        return new Response(new Blob(frames as BlobPart[]).stream(), {
          headers: { "content-type": "application/vnd.amazon.eventstream" },
        });
      },
    });
    const text = await client.messages
      .stream({
        model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
        max_tokens: 10,
        messages: [{ role: "user", content: "hi" }],
      })
      .finalText();
    expect(text).toBe("edge");
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/bedrock\/aws4_request/,
    );
  });
});
