import { NotFoundError } from "@colloquy/client";
import { act, screen, waitFor } from "@testing-library/react";
import { delay, HttpResponse, http } from "msw";
import { Suspense } from "react";
import { describe, expect, test } from "vitest";
import { countAbortListeners } from "../test/count-listeners.js";
import {
  BASE_URL,
  createTestClient,
  createTestQueryClient,
  MODEL,
  messageRequests,
  renderHookStrict,
  renderStrict,
  startMockServer,
} from "../test/harness.js";
import type { MessageCreateParams } from "./internal/types.js";
import { anthropicKeys, messageQueryOptions } from "./query-options.js";
import { useMessage, useSuspenseMessage } from "./use-message.js";
import { useSendMessage } from "./use-send-message.js";

const server = startMockServer();

/** Makes the next POST /v1/messages hang, so a test can abort it while it is in flight. */
function hangNextMessage() {
  server.use(
    http.post(
      `${BASE_URL}/v1/messages`,
      async () => {
        await delay(2_000);
        return HttpResponse.json(
          { type: "error", error: { type: "api_error", message: "late" } },
          { status: 500 },
        );
      },
      { once: true },
    ),
  );
}

const params: MessageCreateParams = {
  model: MODEL,
  max_tokens: 256,
  messages: [{ role: "user", content: "Hello [[mock: words=8]]" }],
};

function Answer({ request }: { request: MessageCreateParams | null }) {
  const { data, status } = useMessage(request);
  return (
    <p data-testid="answer">
      {data ? (data.content[0]?.type === "text" ? data.content[0].text : "") : status}
    </p>
  );
}

describe("useMessage", () => {
  test("sends one request under StrictMode and serves a second mount from the cache", async () => {
    const { client, requests } = createTestClient();
    const queryClient = createTestQueryClient();
    const first = renderStrict(<Answer request={params} />, client, queryClient);
    await waitFor(() => expect(screen.getByTestId("answer").textContent).not.toBe("pending"));
    const text = screen.getByTestId("answer").textContent;
    first.unmount();

    const reordered = { messages: params.messages, max_tokens: 256, model: MODEL } as MessageCreateParams;
    renderStrict(<Answer request={reordered} />, client, queryClient);

    expect(screen.getByTestId("answer").textContent).toBe(text);
    expect(messageRequests(requests)).toHaveLength(1);
  });

  test("waits while params are null", async () => {
    const { client, requests } = createTestClient();
    renderStrict(<Answer request={null} />, client);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.getByTestId("answer").textContent).toBe("pending");
    expect(requests).toHaveLength(0);
  });

  test("does not retry an error that cannot succeed", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderHookStrict(() => useMessage({ ...params, model: "claude-unknown-1" }), client);
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(NotFoundError);
    expect(messageRequests(requests)).toHaveLength(1);
  });

  test("cancelling the query aborts its request", async () => {
    const { client, requests } = createTestClient();
    const queryClient = createTestQueryClient();
    const slow = { ...params, messages: [{ role: "user" as const, content: "Hi, slowly" }] };
    hangNextMessage();
    renderHookStrict(() => useMessage(slow), client, queryClient);
    await waitFor(() => expect(messageRequests(requests)).toHaveLength(1));
    await act(() => queryClient.cancelQueries({ queryKey: anthropicKeys.message(slow) }));
    expect(messageRequests(requests)[0]?.signal.aborted).toBe(true);
  });

  test("prefetching with messageQueryOptions fills the cache outside React", async () => {
    const { client, requests } = createTestClient();
    const queryClient = createTestQueryClient();
    const message = await queryClient.fetchQuery(messageQueryOptions(client, params));
    expect(queryClient.getQueryData(anthropicKeys.message(params))).toEqual(message);
    const { result } = renderHookStrict(() => useMessage(params), client, queryClient);
    expect(result.current.data).toEqual(message);
    expect(messageRequests(requests)).toHaveLength(1);
  });
});

function SuspenseAnswer() {
  const { data } = useSuspenseMessage(params);
  return <p data-testid="answer">{data.stop_reason}</p>;
}

describe("useSuspenseMessage", () => {
  test("suspends until the message is there", async () => {
    const { client } = createTestClient();
    renderStrict(
      <Suspense fallback={<p data-testid="answer">loading</p>}>
        <SuspenseAnswer />
      </Suspense>,
      client,
    );
    expect(screen.getByTestId("answer").textContent).toBe("loading");
    await waitFor(() => expect(screen.getByTestId("answer").textContent).toBe("end_turn"));
  });
});

describe("useSendMessage", () => {
  test("sends on demand and caches the answer under its params", async () => {
    const { client, requests } = createTestClient();
    const queryClient = createTestQueryClient();
    const { result } = renderHookStrict(() => useSendMessage(), client, queryClient);
    const message = await act(() => result.current.mutateAsync(params));
    expect(message.role).toBe("assistant");
    expect(queryClient.getQueryData(anthropicKeys.message(params))).toEqual(message);
    expect(messageRequests(requests)).toHaveLength(1);
  });

  test("abort() cancels the request in flight", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderHookStrict(() => useSendMessage(), client);
    hangNextMessage();
    act(() => {
      result.current.mutate(params);
    });
    await waitFor(() => expect(messageRequests(requests)).toHaveLength(1));
    act(() => result.current.abort());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(messageRequests(requests)[0]?.signal.aborted).toBe(true);
  });

  test("leaves no listener on a long-lived signal after several sends", async () => {
    const { client, requests } = createTestClient();
    const caller = new AbortController();
    const listeners = countAbortListeners(caller.signal);
    const { result } = renderHookStrict(() => useSendMessage(), client);
    for (let index = 0; index < 4; index++) {
      const question = { ...params, messages: [{ role: "user" as const, content: `Question ${index}` }] };
      await act(() => result.current.mutateAsync({ ...question, requestOptions: { signal: caller.signal } }));
      expect(listeners.current()).toBe(0);
    }
    expect(messageRequests(requests)).toHaveLength(4);
    expect(listeners.added()).toBeGreaterThanOrEqual(4);
  });

  test("the caller's signal aborts the request in flight", async () => {
    const { client, requests } = createTestClient();
    const caller = new AbortController();
    const { result } = renderHookStrict(() => useSendMessage(), client);
    hangNextMessage();
    act(() => {
      result.current.mutate({ ...params, requestOptions: { signal: caller.signal } });
    });
    await waitFor(() => expect(messageRequests(requests)).toHaveLength(1));
    act(() => caller.abort());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(messageRequests(requests)[0]?.signal.aborted).toBe(true);
  });
});
