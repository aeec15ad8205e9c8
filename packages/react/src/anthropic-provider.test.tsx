import { renderHook } from "@testing-library/react";
import { StrictMode } from "react";
import { describe, expect, test, vi } from "vitest";
import { createTestClient } from "../test/harness.js";
import { useAnthropicClient } from "./anthropic-provider.js";
import { useChat } from "./use-chat.js";
import { useMessage } from "./use-message.js";
import { useMessageStream } from "./use-message-stream.js";

function renderAlone<Result>(hook: () => Result) {
  return renderHook(hook, { wrapper: StrictMode });
}

describe("AnthropicProvider", () => {
  test("a hook outside the provider throws a message naming the hook", () => {
    const silence = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderAlone(() => useMessageStream())).toThrow(
      "useMessageStream must be used within <AnthropicProvider>",
    );
    expect(() => renderAlone(() => useMessage(null))).toThrow(
      "useMessage must be used within <AnthropicProvider>",
    );
    expect(() => renderAlone(() => useChat({ model: "m" }))).toThrow(
      "useChat must be used within <AnthropicProvider>",
    );
    silence.mockRestore();
  });

  test("a client passed to the hook is used without a provider", () => {
    const { client } = createTestClient();
    const { result } = renderAlone(() => useAnthropicClient("useThing", client));
    expect(result.current).toBe(client);
    const stream = renderAlone(() => useMessageStream({ client }));
    expect(stream.result.current.status).toBe("idle");
  });
});
