import { NotFoundError } from "@colloquy/client";
import { act, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  createTestClient,
  createTestQueryClient,
  MODEL,
  renderHookStrict,
  startMockServer,
} from "../test/harness.js";
import { clientWithFetch } from "../test/scripted-client.js";
import type { MessageBatch, MessageBatchCreateParams } from "./internal/types.js";
import { anthropicKeys } from "./query-options.js";
import { useBatch } from "./use-batch.js";
import { useCancelBatch, useCreateBatch, useDeleteBatch } from "./use-batch-mutations.js";
import { useBatchResults } from "./use-batch-results.js";
import { useBatches } from "./use-batches.js";

startMockServer({ batchProcessingMs: 250 });

const polling = { pollIntervalMs: 10, maxPollIntervalMs: 20 };

function batchOf(customIds: string[]): MessageBatchCreateParams {
  return {
    requests: customIds.map((custom_id) => ({
      custom_id,
      params: {
        model: MODEL,
        max_tokens: 64,
        messages: [{ role: "user", content: `Question ${custom_id} [[mock: words=4]]` }],
      },
    })),
  };
}

function retrievals(requests: ReturnType<typeof createTestClient>["requests"], batchId: string) {
  return requests.filter(
    (request) => request.method === "GET" && request.url.pathname === `/v1/messages/batches/${batchId}`,
  ).length;
}

describe("useBatch", () => {
  test("polls while the batch is in progress and stops once it has ended", async () => {
    const { client, requests } = createTestClient();
    const batch = await client.messages.batches.create(batchOf(["a", "b"]));
    expect(batch.processing_status).toBe("in_progress");

    const { result } = renderHookStrict(() => useBatch(batch.id, polling), client);
    await waitFor(() => expect(result.current.data?.processing_status).toBe("ended"), { timeout: 5000 });

    const pollsAtEnd = retrievals(requests, batch.id);
    expect(pollsAtEnd).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(retrievals(requests, batch.id)).toBe(pollsAtEnd);
    expect(result.current.data?.request_counts.succeeded).toBe(2);
  });
});

describe("useBatchResults", () => {
  test("waits for the batch to end, then yields every custom_id", async () => {
    const { client } = createTestClient();
    const ids = ["alpha", "beta", "gamma", "delta"];
    const batch = await client.messages.batches.create(batchOf(ids));

    const { result } = renderHookStrict(() => useBatchResults(batch.id, polling), client);
    expect(result.current.fetchStatus).toBe("idle");
    await waitFor(() => expect(result.current.data?.complete).toBe(true), { timeout: 5000 });

    expect([...(result.current.data?.customIds ?? [])].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(result.current.data?.results[id]?.type).toBe("succeeded");
    expect(result.current.batch?.processing_status).toBe("ended");
  });
});

describe("useBatches", () => {
  test("pages through the list with the cursor", async () => {
    const { client } = createTestClient();
    const created = [];
    for (const id of ["one", "two", "three"])
      created.push(await client.messages.batches.create(batchOf([id])));
    const { result } = renderHookStrict(() => useBatches({ limit: 2 }), client);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.pages[0]?.data).toHaveLength(2);
    expect(result.current.hasNextPage).toBe(true);

    let exhausted = false;
    while (!exhausted) {
      await act(() => result.current.fetchNextPage());
      exhausted = !result.current.hasNextPage;
    }
    const ids = result.current.data?.pages.flatMap((page) => page.data.map((batch) => batch.id)) ?? [];
    for (const batch of created) expect(ids).toContain(batch.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("batch mutations", () => {
  test("create, cancel and delete keep the cache in step", async () => {
    const { client } = createTestClient();
    const queryClient = createTestQueryClient();
    const { result } = renderHookStrict(
      () => ({
        create: useCreateBatch(),
        cancel: useCancelBatch(),
        remove: useDeleteBatch(),
        list: useBatches(),
      }),
      client,
      queryClient,
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));

    const batch = await act(() => result.current.create.mutateAsync(batchOf(["x", "y"])));
    expect(queryClient.getQueryData(anthropicKeys.batch(batch.id))).toEqual(batch);
    await waitFor(() =>
      expect(result.current.list.data?.pages[0]?.data.map((item) => item.id)).toContain(batch.id),
    );

    const canceled = await act(() => result.current.cancel.mutateAsync(batch.id));
    expect(["canceling", "ended"]).toContain(canceled.processing_status);

    await waitFor(
      async () => expect((await client.messages.batches.retrieve(batch.id)).processing_status).toBe("ended"),
      {
        timeout: 5000,
      },
    );
    await act(() => result.current.remove.mutateAsync(batch.id));
    expect(queryClient.getQueryData(anthropicKeys.batch(batch.id))).toBeUndefined();
    await waitFor(() =>
      expect(result.current.list.data?.pages[0]?.data.map((item) => item.id)).not.toContain(batch.id),
    );
  });
});

describe("useBatchResults errors", () => {
  test("reports the batch's own error when the batch does not exist", async () => {
    const { client } = createTestClient();
    const { result } = renderHookStrict(() => useBatchResults("msgbatch_missing", polling), client);
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(NotFoundError);
  });
});

/** A client that answers batch creation and retrieval with one batch that stays in progress. */
function inProgressBatchClient() {
  const batch: MessageBatch = {
    id: "msgbatch_scripted",
    type: "message_batch",
    processing_status: "in_progress",
    request_counts: { processing: 1, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    created_at: "2026-01-01T00:00:00Z",
    expires_at: "2026-01-02T00:00:00Z",
    ended_at: null,
    cancel_initiated_at: null,
    archived_at: null,
    results_url: null,
  };
  const retrievals: number[] = [];
  const client = clientWithFetch(async (input, init) => {
    if (new Request(input, init).method === "GET") retrievals.push(Date.now());
    return new Response(JSON.stringify(batch), { headers: { "content-type": "application/json" } });
  });
  return { client, batch, retrievals };
}

describe("useBatch after useCreateBatch", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("reads the batch the mutation cached, first polls pollIntervalMs after it, then 1.5x later", async () => {
    vi.useFakeTimers();
    const { client, retrievals } = inProgressBatchClient();
    const { result } = renderHookStrict(() => {
      const create = useCreateBatch();
      const batch = useBatch(create.data?.id ?? null, { pollIntervalMs: 1000, maxPollIntervalMs: 10_000 });
      return { create, batch };
    }, client);

    const createdAt = Date.now();
    await act(() => result.current.create.mutateAsync(batchOf(["a"])));
    // React Query hands results to React on a zero-delay timer.
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(result.current.batch.data?.processing_status).toBe("in_progress");
    expect(retrievals).toEqual([]);

    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(retrievals).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(retrievals).toEqual([createdAt + 1000]);
    await act(() => vi.advanceTimersByTimeAsync(1499));
    expect(retrievals).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(retrievals).toEqual([createdAt + 1000, createdAt + 2500]);
  });

  test("a batch not in the cache is fetched at once, then polled after pollIntervalMs", async () => {
    vi.useFakeTimers();
    const { client, batch, retrievals } = inProgressBatchClient();
    const start = Date.now();
    renderHookStrict(() => useBatch(batch.id, { pollIntervalMs: 1000 }), client);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(retrievals).toEqual([start]);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(retrievals).toEqual([start, start + 1000]);
  });
});
