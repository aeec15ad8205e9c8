import { OverloadedError } from "@colloquy/client";
import { describe, expect, test } from "vitest";
import { createTestClient, MODEL, startMockServer } from "../test/harness.js";
import type { MessageStreamParams } from "./internal/types.js";
import { type MessageStreamSnapshot, MessageStreamStore } from "./message-stream-store.js";

startMockServer();

const ask = (text: string, maxTokens = 16_000): MessageStreamParams => ({
  model: MODEL,
  max_tokens: maxTokens,
  messages: [{ role: "user", content: text }],
});

function record(store: MessageStreamStore) {
  const published: MessageStreamSnapshot[] = [];
  store.subscribe(() => published.push(store.getSnapshot()));
  return published;
}

describe("MessageStreamStore", () => {
  test("publishes buffered text at most once per frame by default", async () => {
    const { client } = createTestClient();
    let deltas = 0;
    const store = new MessageStreamStore({ client, onText: () => deltas++ });
    const published = record(store);
    const result = await store.send(ask("Long [[mock: words=3000]]"));
    expect(result.status).toBe("done");
    expect(deltas).toBeGreaterThan(500);
    expect(published.length).toBeLessThan(deltas / 10);
  });

  test("publishes every event with throttleMs 0", async () => {
    const { client } = createTestClient();
    let deltas = 0;
    const store = new MessageStreamStore({ client, throttleMs: 0, onText: () => deltas++ });
    const published = record(store);
    await store.send(ask("Some words [[mock: words=200]]"));
    expect(published.length).toBeGreaterThan(deltas);
  });

  test("publishes each status change at once, in order, with new snapshot objects", async () => {
    const { client } = createTestClient();
    const store = new MessageStreamStore({ client });
    const published = record(store);
    await store.send(ask("Hello [[mock: words=30]]"));
    const statuses = published
      .map((snapshot) => snapshot.status)
      .filter((status, index, all) => status !== all[index - 1]);
    expect(statuses).toEqual(["connecting", "streaming", "done"]);
    expect(new Set(published).size).toBe(published.length);
    const texts = published.map((snapshot) => snapshot.text);
    expect(texts).toEqual([...texts].sort((first, second) => first.length - second.length));
  });

  test("never rejects: a failure is the result and the snapshot", async () => {
    const { client } = createTestClient({ maxRetries: 0 });
    const store = new MessageStreamStore({ client });
    const result = await store.send(ask("Hi [[mock: error=529]]"));
    expect(result.status).toBe("error");
    expect(store.getSnapshot().error).toBeInstanceOf(OverloadedError);
  });

  test("stop() is a no-op when nothing streams, and reset() returns to idle", async () => {
    const { client } = createTestClient();
    const store = new MessageStreamStore({ client });
    store.stop();
    expect(store.getSnapshot().status).toBe("idle");
    await store.send(ask("Hello [[mock: words=3]]"));
    store.reset();
    expect(store.getSnapshot()).toMatchObject({ status: "idle", text: "", message: null });
  });

  test("an aborted outer signal aborts the stream", async () => {
    const { client, requests } = createTestClient();
    const store = new MessageStreamStore({ client });
    const controller = new AbortController();
    const sending = store.send(ask("Go on [[mock: words=300 slow=10]]"), { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 40));
    controller.abort();
    await expect(sending).resolves.toMatchObject({ status: "aborted" });
    expect(store.getSnapshot().status).toBe("aborted");
    expect(requests[0]?.signal.aborted).toBe(true);
  });
});
