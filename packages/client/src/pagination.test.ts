import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, scriptedClient } from "../test/scripted-fetch.js";
import Anthropic, { AnthropicError } from "./index.js";

const batch = (id: string) => ({ id, type: "message_batch", processing_status: "ended" });
const page = (ids: string[], hasMore: boolean) =>
  jsonResponse({
    data: ids.map(batch),
    has_more: hasMore,
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
  });

describe("pagination", () => {
  it("for await over a list call walks every page with after_id", async () => {
    const { client, fetch } = scriptedClient([
      page(["b5", "b4"], true),
      page(["b3", "b2"], true),
      page(["b1"], false),
    ]);
    const ids: string[] = [];
    for await (const item of client.beta.messages.batches.list({ limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(["b5", "b4", "b3", "b2", "b1"]);
    const queries = fetch.requests.map((request) => Object.fromEntries(new URL(request.url).searchParams));
    expect(queries).toEqual([{ limit: "2" }, { limit: "2", after_id: "b4" }, { limit: "2", after_id: "b2" }]);
    expect(fetch.requests[0]!.headers.get("anthropic-beta")).toBe("message-batches-2024-09-24");
  });

  it("pages by hand with hasNextPage and getNextPage", async () => {
    const { client } = scriptedClient([page(["m3", "m2"], true), page(["m1"], false)]);
    let current = await client.models.list({ limit: 2 });
    expect(current.data.map((item) => item.id)).toEqual(["m3", "m2"]);
    expect(current.first_id).toBe("m3");
    expect(current.last_id).toBe("m2");
    expect(current.has_more).toBe(true);
    const seen = [...current.data];
    while (current.hasNextPage()) {
      current = await current.getNextPage();
      seen.push(...current.data);
    }
    expect(seen.map((item) => item.id)).toEqual(["m3", "m2", "m1"]);
    await expect(current.getNextPage()).rejects.toThrow(/No next page/);
  });

  it("pages backwards with before_id when the walk started with before_id", async () => {
    const { client, fetch } = scriptedClient([page(["b8", "b7"], true), page(["b10", "b9"], false)]);
    const ids: string[] = [];
    for await (const item of client.messages.batches.list({ before_id: "b6", limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(["b8", "b7", "b10", "b9"]);
    expect(new URL(fetch.requests[1]!.url).searchParams.get("before_id")).toBe("b8");
    expect(new URL(fetch.requests[1]!.url).searchParams.has("after_id")).toBe(false);
  });

  it("stops on an empty page even if has_more is true", async () => {
    const { client, fetch } = scriptedClient([page([], true)]);
    const items = [];
    for await (const item of client.models.list()) items.push(item);
    expect(items).toEqual([]);
    expect(fetch.requests).toHaveLength(1);
  });

  it("has no next page after an empty page, by hand too", async () => {
    const { client, fetch } = scriptedClient([page([], true)]);
    const empty = await client.models.list();
    expect(empty.hasNextPage()).toBe(false);
    await expect(empty.getNextPage()).rejects.toThrow(/No next page/);
    expect(fetch.requests).toHaveLength(1);
  });

  it("iterPages yields each page once", async () => {
    const { client } = scriptedClient([page(["a"], true), page(["b"], false)]);
    const first = await client.models.list();
    const sizes: number[] = [];
    for await (const each of first.iterPages()) sizes.push(each.data.length);
    expect(sizes).toEqual([1, 1]);
  });

  it("reads a page like any JSON response: a body that is not JSON rejects with AnthropicError", async () => {
    const { client } = scriptedClient(
      [new Response("<html>proxy error</html>", { status: 200, headers: { "content-type": "text/html" } })],
      { maxRetries: 0 },
    );
    const error = await client.models.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toMatch(/Expected a JSON body.*text\/html/);
  });

  describe("with fake timers", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("stops the request timer once the page is read, so it never aborts the finished request", async () => {
      vi.useFakeTimers();
      let signal: AbortSignal | undefined;
      const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
        signal = init?.signal ?? undefined;
        return page(["m1"], false);
      };
      const client = new Anthropic({ apiKey: "k", fetch, timeout: 1_000 });
      const first = await client.models.list();
      expect(first.data).toHaveLength(1);
      vi.advanceTimersByTime(5_000);
      expect(signal?.aborted).toBe(false);
    });
  });
});
