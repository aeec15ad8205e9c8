// @vitest-environment node
import { QueryClient } from "@tanstack/react-query";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { createTestClient, MODEL } from "../test/harness.js";
import { AnthropicProvider } from "./anthropic-provider.js";
import { useBatch } from "./use-batch.js";
import { useChat } from "./use-chat.js";
import { useCountTokens } from "./use-count-tokens.js";
import { useMessage } from "./use-message.js";
import { useMessageStream } from "./use-message-stream.js";

function Page() {
  const stream = useMessageStream();
  const chat = useChat({ model: MODEL, initialMessages: [{ role: "user", content: "Saved question" }] });
  const message = useMessage({ model: MODEL, max_tokens: 16, messages: [{ role: "user", content: "Hi" }] });
  useCountTokens({ model: MODEL, messages: [{ role: "user", content: "Hi" }] });
  useBatch("msgbatch_123");
  return (
    <main>
      <p>stream:{stream.status}</p>
      <p>
        chat:{chat.status}:{chat.messages.length}
      </p>
      <p>message:{message.status}</p>
    </main>
  );
}

describe("server rendering", () => {
  test("renders with react-dom/server without browser globals and sends no request", () => {
    expect(typeof window).toBe("undefined");
    const { client, requests } = createTestClient();
    const html = renderToString(
      <StrictMode>
        <AnthropicProvider client={client} queryClient={new QueryClient()}>
          <Page />
        </AnthropicProvider>
      </StrictMode>,
    );
    expect(html).toContain("stream:<!-- -->idle");
    expect(html).toContain("chat:<!-- -->idle<!-- -->:<!-- -->1");
    expect(html).toContain("message:<!-- -->pending");
    expect(requests).toHaveLength(0);
  });
});
