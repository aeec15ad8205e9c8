import { act } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { countAbortListeners } from "../test/count-listeners.js";
import {
  createTestClient,
  createTestQueryClient,
  MODEL,
  messageRequests,
  renderHookStrict,
  startMockServer,
} from "../test/harness.js";
import type { MessageCreateParams } from "./internal/types.js";
import { anthropicKeys } from "./query-options.js";
import { useSendMessage } from "./use-send-message.js";

startMockServer();

const ask = (text: string): MessageCreateParams => ({
  model: MODEL,
  max_tokens: 256,
  messages: [{ role: "user", content: text }],
});

describe("useSendMessage", () => {
  test("sends, caches the answer under its params, and leaves no listener on a long-lived signal", async () => {
    const { client, requests } = createTestClient();
    const queryClient = createTestQueryClient();
    const caller = new AbortController();
    const listeners = countAbortListeners(caller.signal);
    const { result } = renderHookStrict(() => useSendMessage(), client, queryClient);

    for (let index = 0; index < 4; index++) {
      const params = ask(`Question ${index} [[mock: words=4]]`);
      const message = await act(() =>
        result.current.mutateAsync({ ...params, requestOptions: { signal: caller.signal } }),
      );
      expect(queryClient.getQueryData(anthropicKeys.message(params))).toEqual(message);
      expect(listeners.current()).toBe(0);
    }
    expect(messageRequests(requests)).toHaveLength(4);
    expect(listeners.added()).toBeGreaterThanOrEqual(4);
  });

  test("the caller's signal still aborts the request in flight", async () => {
    const { client, requests } = createTestClient();
    const caller = new AbortController();
    const { result } = renderHookStrict(() => useSendMessage(), client);
    const sending = result.current.mutateAsync({
      ...ask("Slow [[mock: latency=2000]]"),
      requestOptions: { signal: caller.signal },
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      caller.abort();
      await expect(sending).rejects.toThrow();
    });
    expect(messageRequests(requests)[0]?.signal.aborted).toBe(true);
  });
});
