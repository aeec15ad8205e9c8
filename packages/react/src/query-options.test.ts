import { type AnthropicError, InternalServerError } from "@colloquy/client";
import {
  type DefaultError,
  QueryClient,
  type UseQueryResult,
  useInfiniteQuery,
  useQuery,
} from "@tanstack/react-query";
import { describe, expect, expectTypeOf, test } from "vitest";
import { countAbortListeners } from "../test/count-listeners.js";
import { clientWithFetch } from "../test/scripted-client.js";
import type { MessageBatch, MessageCreateParams } from "./internal/types.js";
import {
  anthropicKeys,
  batchesInfiniteQueryOptions,
  batchPollDelay,
  batchQueryOptions,
  batchResultsQueryOptions,
  countTokensQueryOptions,
  messageQueryOptions,
  modelQueryOptions,
  modelsQueryOptions,
} from "./query-options.js";
import { useCancelBatch, useCreateBatch, useDeleteBatch } from "./use-batch-mutations.js";
import type { useSendMessage } from "./use-send-message.js";

const batch = (processing_status: MessageBatch["processing_status"]) =>
  ({ processing_status }) as MessageBatch;

describe("anthropicKeys", () => {
  test("keys a message by its params whatever their key order", () => {
    const first = anthropicKeys.message({
      model: "m",
      max_tokens: 5,
      messages: [{ role: "user", content: "a" }],
    });
    const second = anthropicKeys.message({
      messages: [{ content: "a", role: "user" }],
      max_tokens: 5,
      model: "m",
    });
    expect(first).toEqual(second);
  });

  test("nests every key under its family so one prefix invalidates them all", () => {
    const prefix = anthropicKeys.batches();
    for (const key of [
      anthropicKeys.batch("b1"),
      anthropicKeys.batchResults("b1"),
      anthropicKeys.batchList({ limit: 2 }),
    ]) {
      expect(key.slice(0, prefix.length)).toEqual(prefix);
    }
    expect(anthropicKeys.message(null).slice(0, 2)).toEqual(anthropicKeys.messages());
  });
});

describe("batchPollDelay", () => {
  test("grows by half each poll up to the maximum", () => {
    const options = { pollIntervalMs: 100, maxPollIntervalMs: 300 };
    expect(batchPollDelay(batch("in_progress"), 1, options)).toBe(100);
    expect(batchPollDelay(batch("in_progress"), 2, options)).toBe(150);
    expect(batchPollDelay(batch("in_progress"), 3, options)).toBe(225);
    expect(batchPollDelay(batch("canceling"), 4, options)).toBe(300);
  });

  test("stops once the batch has ended or before it is known", () => {
    expect(batchPollDelay(batch("ended"), 3)).toBe(false);
    expect(batchPollDelay(undefined, 0)).toBe(false);
  });
});

const params: MessageCreateParams = {
  model: "claude-sonnet-4-6",
  max_tokens: 16,
  messages: [{ role: "user", content: "Hi" }],
};

/** A client whose fetch calls `respond` for every request (the client itself never retries) and counts them. */
function scriptedClient(respond: (init: RequestInit | undefined) => Response) {
  let calls = 0;
  const client = clientWithFetch(async (_input, init) => {
    calls += 1;
    return respond(init);
  });
  return { client, calls: () => calls };
}

function errorResponse(status: number, type: string, headers: Record<string, string> = {}): Response {
  const body = { type: "error", error: { type, message: `${type} (${status})` } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function retryingQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retryDelay: 0, gcTime: 0 } } });
}

describe("query retries", () => {
  test("a 503 with x-should-retry: false is not retried by the query (the client's rule)", async () => {
    const { client, calls } = scriptedClient(() =>
      errorResponse(503, "api_error", { "x-should-retry": "false" }),
    );
    const failure = retryingQueryClient().fetchQuery(messageQueryOptions(client, params));
    await expect(failure).rejects.toBeInstanceOf(InternalServerError);
    expect(calls()).toBe(1);
  });

  test("a plain 503 is retried once by the query on top of the client's own retries", async () => {
    const { client, calls } = scriptedClient(() => errorResponse(503, "api_error"));
    const failure = retryingQueryClient().fetchQuery(messageQueryOptions(client, params));
    await expect(failure).rejects.toBeInstanceOf(InternalServerError);
    expect(calls()).toBe(2);
  });

  test("a 400 is never retried", async () => {
    const { client, calls } = scriptedClient(() => errorResponse(400, "invalid_request_error"));
    const failure = retryingQueryClient().fetchQuery(messageQueryOptions(client, params));
    await expect(failure).rejects.toThrow("invalid_request_error (400)");
    expect(calls()).toBe(1);
  });
});

describe("query signals", () => {
  test("a long-lived caller signal keeps no listener after several queries", async () => {
    const caller = new AbortController();
    const listeners = countAbortListeners(caller.signal);
    const { client, calls } = scriptedClient((init) => {
      expect(init?.signal?.aborted).toBe(false);
      const message = {
        id: "msg_1",
        type: "message",
        role: "assistant",
        model: params.model,
        content: [{ type: "text", text: "Hello" }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 1, output_tokens: 1 },
      };
      return new Response(JSON.stringify(message), { headers: { "content-type": "application/json" } });
    });
    const queryClient = retryingQueryClient();
    for (let index = 0; index < 5; index++) {
      const options = messageQueryOptions(
        client,
        { ...params, max_tokens: 16 + index },
        { signal: caller.signal },
      );
      await queryClient.fetchQuery(options);
      expect(listeners.current()).toBe(0);
    }
    expect(calls()).toBe(5);
    expect(listeners.added()).toBeGreaterThanOrEqual(5);
  });
});

describe("error types", () => {
  test("the builders type their errors as AnthropicError, without a global Register", () => {
    // A global `declare module "@tanstack/react-query" { interface Register ... }` anywhere in this
    // package would change DefaultError for every app that imports it. (AnthropicError adds no member to
    // Error, so the types below cannot tell them apart; an APIError there would fail this line.)
    expectTypeOf<DefaultError>().toEqualTypeOf<Error>();
    const { client } = scriptedClient(() => errorResponse(500, "api_error"));
    type ErrorOf<Options> = Options extends { queryFn?: infer _Fn; retry?: infer Retry }
      ? Retry extends (failureCount: number, error: infer Failure) => boolean
        ? Failure
        : never
      : never;
    expectTypeOf<ErrorOf<ReturnType<typeof messageQueryOptions>>>().toEqualTypeOf<AnthropicError>();
    const hooks = () => ({
      message: useQuery(messageQueryOptions(client, params)),
      tokens: useQuery(countTokensQueryOptions(client, null)),
      models: useQuery(modelsQueryOptions(client)),
      model: useQuery(modelQueryOptions(client, "m")),
      batch: useQuery(batchQueryOptions(client, "b")),
      results: useQuery(batchResultsQueryOptions(client, "b")),
      list: useInfiniteQuery(batchesInfiniteQueryOptions(client)),
    });
    type Results = ReturnType<typeof hooks>;
    expectTypeOf<Results["message"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Results["tokens"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Results["models"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Results["model"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Results["batch"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Results["results"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Results["list"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    const mutations = () => ({
      create: useCreateBatch(),
      cancel: useCancelBatch(),
      remove: useDeleteBatch(),
    });
    type Mutations = ReturnType<typeof mutations>;
    expectTypeOf<Mutations["create"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Mutations["cancel"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<Mutations["remove"]["error"]>().toEqualTypeOf<AnthropicError | null>();
    expectTypeOf<ReturnType<typeof useSendMessage>["error"]>().toEqualTypeOf<AnthropicError | null>();
    // An app's own query, outside the builders, keeps React Query's default error type.
    expectTypeOf<UseQueryResult<number>["error"]>().toEqualTypeOf<Error | null>();
  });
});
