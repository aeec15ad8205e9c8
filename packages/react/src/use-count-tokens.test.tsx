import { waitFor } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { createTestClient, MODEL, renderHookStrict, startMockServer } from "../test/harness.js";
import type { MessageCountTokensParams } from "./internal/types.js";
import { useCountTokens } from "./use-count-tokens.js";
import { useModels } from "./use-models.js";

startMockServer();

const draft = (text: string): MessageCountTokensParams => ({
  model: MODEL,
  messages: [{ role: "user", content: text }],
});

function countRequests(requests: ReturnType<typeof createTestClient>["requests"]) {
  return requests.filter((request) => request.url.pathname === "/v1/messages/count_tokens");
}

describe("useCountTokens", () => {
  test("counts the first params at once, then only those that stayed unchanged for the debounce delay", async () => {
    const { client, requests } = createTestClient();
    let text = "H";
    const { result, rerender } = renderHookStrict(
      () => useCountTokens(draft(text), { debounceMs: 40 }),
      client,
    );
    for (const next of ["He", "Hel", "Hell", "Hello there, how are you today?"]) {
      text = next;
      rerender();
    }
    await waitFor(() => expect(countRequests(requests)).toHaveLength(2));
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    await new Promise((resolve) => setTimeout(resolve, 80));

    const sent = countRequests(requests).map(
      (request) => (request.body as MessageCountTokensParams | undefined)?.messages[0]?.content,
    );
    expect(sent).toEqual(["H", "Hello there, how are you today?"]);
    const direct = await client.messages.countTokens(draft("Hello there, how are you today?"));
    expect(result.current.data?.input_tokens).toBe(direct.input_tokens);
  });

  test("keeps the previous count while a new one loads", async () => {
    const { client } = createTestClient();
    let text = "Short";
    const { result, rerender } = renderHookStrict(
      () => useCountTokens(draft(text), { debounceMs: 0 }),
      client,
    );
    await waitFor(() => expect(result.current.data).toBeDefined());
    const first = result.current.data?.input_tokens;
    text = "A much longer draft that has clearly more tokens than the first one had";
    rerender();
    expect(result.current.data?.input_tokens).toBe(first);
    await waitFor(() => expect(result.current.data?.input_tokens).toBeGreaterThan(first ?? 0));
  });
});

describe("useModels", () => {
  test("lists every model across pages", async () => {
    const { client } = createTestClient();
    const expected: string[] = [];
    for await (const model of client.models.list({ limit: 100 })) expected.push(model.id);
    const { result } = renderHookStrict(() => useModels({ limit: 3 }), client);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((model) => model.id)).toEqual(expected);
  });
});
