import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { MODEL, manualClock, rawHeaders, requestCounts, startForFile } from "./helpers.js";

const clock = manualClock();
const { server, client } = await startForFile({ now: clock.now, batchProcessingMs: 60_000 });

const request = (customId: string, content = "Hello batch") => ({
  custom_id: customId,
  params: { model: MODEL, max_tokens: 100, messages: [{ role: "user" as const, content }] },
});

/** Retrieves a batch, expects it ended with these request counts (the others 0) and returns it. */
async function retrieveEnded(id: string, counts: Partial<Anthropic.Messages.MessageBatchRequestCounts>) {
  const batch = await client.messages.batches.retrieve(id);
  expect(batch.processing_status).toBe("ended");
  expect(batch.request_counts).toEqual(requestCounts(counts));
  return batch;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("Message Batches through the official SDK (GA path)", () => {
  it("runs a batch from in_progress to ended and serves its JSONL results", async () => {
    const invalid = {
      custom_id: "bad",
      params: { model: MODEL, messages: [{ role: "user", content: "no max_tokens" }] },
    };
    const created = await client.messages.batches.create({
      requests: [
        request("first"),
        request("second", "Second one"),
        invalid as never,
        request("fails", "hi [[mock: error=500]]"),
      ],
    });
    expect(created).toMatchObject({
      type: "message_batch",
      processing_status: "in_progress",
      request_counts: { processing: 4, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      ended_at: null,
      cancel_initiated_at: null,
      archived_at: null,
      results_url: null,
    });
    expect(created.id).toMatch(/^msgbatch_/);
    expect(Date.parse(created.expires_at) - Date.parse(created.created_at)).toBe(24 * 3600 * 1000);
    await expect(client.messages.batches.results(created.id)).rejects.toThrow(/results_url/);

    clock.advance(30_000);
    const halfway = await client.messages.batches.retrieve(created.id);
    expect(halfway.processing_status).toBe("in_progress");
    expect(halfway.request_counts.processing).toBe(4);

    clock.advance(30_000);
    const ended = await retrieveEnded(created.id, { succeeded: 2, errored: 2 });
    expect(ended.ended_at).not.toBeNull();
    expect(ended.results_url).toBe(`${server.url}/v1/messages/batches/${created.id}/results`);

    const results = await collect(await client.messages.batches.results(created.id));
    const byId = Object.fromEntries(results.map((line) => [line.custom_id, line.result]));
    expect(Object.keys(byId).sort()).toEqual(["bad", "fails", "first", "second"]);
    expect(byId.first).toMatchObject({
      type: "succeeded",
      message: { type: "message", usage: { service_tier: "batch" } },
    });
    expect(byId.bad).toMatchObject({
      type: "errored",
      error: {
        type: "error",
        error: { type: "invalid_request_error", message: "max_tokens: Field required" },
      },
    });
    expect(byId.fails).toMatchObject({ type: "errored", error: { error: { type: "api_error" } } });

    const raw = await fetch(ended.results_url ?? "", { headers: rawHeaders });
    const text = await raw.text();
    expect(
      text.split("\n").filter((line, index, lines) => line === "" && index !== lines.length - 1),
    ).toEqual([]);
  });

  it("cancels a batch: canceling, then ended with canceled results", async () => {
    const created = await client.messages.batches.create({
      requests: [request("a"), request("b"), request("c"), request("d")],
    });
    clock.advance(20_000);
    const canceling = await client.messages.batches.cancel(created.id);
    expect(canceling.processing_status).toBe("canceling");
    expect(canceling.cancel_initiated_at).not.toBeNull();
    await expect(client.messages.batches.delete(created.id)).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );

    clock.advance(60_000);
    await retrieveEnded(created.id, { succeeded: 1, canceled: 3 });
    const results = await collect(await client.messages.batches.results(created.id));
    expect(results.filter((line) => line.result.type === "canceled")).toHaveLength(3);
    await expect(client.messages.batches.cancel(created.id)).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );

    const deleted = await client.messages.batches.delete(created.id);
    expect(deleted).toEqual({ id: created.id, type: "message_batch_deleted" });
    await expect(client.messages.batches.retrieve(created.id)).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
  });

  it("lists batches newest first across pages", async () => {
    const made: string[] = [];
    for (let index = 0; index < 3; index++)
      made.push((await client.messages.batches.create({ requests: [request(`l${index}`)] })).id);
    const listed = await collect(client.messages.batches.list({ limit: 2 }));
    const ids = listed.map((batch) => batch.id);
    expect(ids.slice(0, 3)).toEqual([...made].reverse());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("rejects the whole batch for a bad or duplicate custom_id", async () => {
    await expect(client.messages.batches.create({ requests: [request("has space")] })).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
    await expect(
      client.messages.batches.create({ requests: [request("twice"), request("twice")] }),
    ).rejects.toThrow(/more than once/);
    await expect(client.messages.batches.create({ requests: [] })).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
  });

  it("answers an unknown batch id with NotFoundError", async () => {
    await expect(client.messages.batches.retrieve("msgbatch_nope")).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
  });
});

describe("Message Batches on the beta path", () => {
  it("runs the same lifecycle with the beta header and ?beta=true", async () => {
    const created = await client.beta.messages.batches.create({
      requests: [request("beta1"), request("beta2")],
      betas: ["message-batches-2024-09-24"],
    });
    expect(created.processing_status).toBe("in_progress");
    const viaQuery = await fetch(`${server.url}/v1/messages/batches/${created.id}?beta=true`, {
      headers: { ...rawHeaders, "anthropic-beta": "message-batches-2024-09-24" },
    });
    expect((await viaQuery.json()).id).toBe(created.id);

    clock.advance(60_000);
    const ended = await client.beta.messages.batches.retrieve(created.id, {
      betas: ["message-batches-2024-09-24"],
    });
    expect(ended.processing_status).toBe("ended");
    const results = await collect(await client.beta.messages.batches.results(created.id));
    expect(results.map((line) => line.result.type)).toEqual(["succeeded", "succeeded"]);

    const listed = await collect(client.beta.messages.batches.list({ limit: 1 }));
    expect(listed.map((batch) => batch.id)).toContain(created.id);

    const second = await client.beta.messages.batches.create({ requests: [request("beta3")] });
    const canceling = await client.beta.messages.batches.cancel(second.id);
    expect(canceling.processing_status).toBe("canceling");
    clock.advance(60_000);
    expect((await client.beta.messages.batches.delete(second.id)).type).toBe("message_batch_deleted");
  });
});
