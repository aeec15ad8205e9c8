import { createVertexMock, VERTEX_MOCK_ACCESS_TOKEN } from "@colloquy/mock-api/clouds";
import { AnthropicVertex } from "@colloquy/vertex";
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderHookStrict } from "../test/harness.js";
import type { AnthropicClient } from "./internal/types.js";
import { useCountTokens } from "./use-count-tokens.js";
import { useMessageStream } from "./use-message-stream.js";

function vertexClient(): AnthropicClient {
  const mock = createVertexMock();
  return new AnthropicVertex({
    region: "us-east5",
    projectId: "test-project",
    accessToken: VERTEX_MOCK_ACCESS_TOKEN,
    dangerouslyAllowBrowser: true,
    fetch: (input, init) => mock.handle(new Request(input, init)),
  });
}

describe("hooks with a cloud client", () => {
  it("useMessageStream streams a reply through AnthropicVertex unchanged", async () => {
    const { result } = renderHookStrict(() => useMessageStream({ throttleMs: 0 }), vertexClient());
    act(() => {
      void result.current.send({
        model: "claude-sonnet-4-6",
        max_tokens: 200,
        messages: [{ role: "user", content: "Hello from Vertex [[mock: words=12]]" }],
      });
    });
    await waitFor(() => expect(result.current.status).toBe("done"));
    expect(result.current.text.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(12);
    expect(result.current.error).toBeNull();
  });

  it("a hook needing an endpoint the client lacks fails with a clear error", async () => {
    const client: AnthropicClient = { messages: vertexClient().messages };
    const { result } = renderHookStrict(
      () =>
        useCountTokens(
          { model: "claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] },
          { debounceMs: 0 },
        ),
      { messages: { create: client.messages.create, stream: client.messages.stream } },
    );
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect(String(result.current.error)).toMatch(/no token counting/);
  });
});
