// @vitest-environment edge-runtime
import { describe, expect, it } from "vitest";
import { AnthropicBedrock } from "./index.js";
import { framesOf, textReplyEvents } from "./test-frames.js";

describe("AnthropicBedrock in an edge runtime", () => {
  it("signs with WebCrypto and decodes an event-stream reply there", async () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe("string");
    let authorization: string | null = null;
    const client = new AnthropicBedrock({
      awsRegion: "us-west-2",
      awsAccessKey: "AKIDEXAMPLE",
      awsSecretKey: "secret",
      apiKey: null,
      fetch: async (_url, init) => {
        authorization = new Headers(init?.headers).get("authorization");
        return new Response(new Blob(framesOf(textReplyEvents) as BlobPart[]).stream(), {
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
    expect(text).toBe("Hello, wörld 👋");
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/bedrock\/aws4_request/,
    );
  });
});
