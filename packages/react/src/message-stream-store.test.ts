import { messageText, OverloadedError } from "@colloquy/client";
import { describe, expect, test, vi } from "vitest";
import { countAbortListeners } from "../test/count-listeners.js";
import { createTestClient, MODEL, startMockServer } from "../test/harness.js";
import {
  cannedStreamClient,
  messageEnd,
  messageStart,
  scriptedStreamClient,
  textBlock,
  toolUseBlock,
} from "../test/scripted-stream.js";
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

  test("text follows messageText: passages parted by another block are joined with a blank line", async () => {
    const events = [
      messageStart(),
      ...textBlock(0, "Let me ", "check."),
      ...toolUseBlock(1, "toolu_1", "lookup", { city: "Paris" }),
      ...textBlock(2, "It is ", "sunny"),
      ...textBlock(3, " today."),
      ...messageEnd(),
    ];
    const store = new MessageStreamStore({ client: cannedStreamClient(events), throttleMs: 0 });
    const published = record(store);
    const result = await store.send(ask("Weather?"));
    expect(result.status).toBe("done");
    expect(store.getSnapshot().text).toBe("Let me check.\n\nIt is sunny today.");
    expect(store.getSnapshot().text).toBe(messageText(result.status === "done" ? result.message : ""));
    // Every snapshot on the way agrees with the rule applied to the message it carries.
    for (const snapshot of published) {
      if (snapshot.message) expect(snapshot.text).toBe(messageText(snapshot.message));
    }
  });

  test("the first text is published at once, later deltas on the trailing edge of the throttle", async () => {
    const scripted = scriptedStreamClient();
    const seenDeltas: string[] = [];
    const store = new MessageStreamStore({
      client: scripted.client,
      throttleMs: 60_000,
      onText: (delta) => seenDeltas.push(delta),
    });
    const published = record(store);
    const sending = store.send(ask("Hi"));
    await vi.waitFor(() => expect(scripted.requests()).toBe(1));
    await vi.waitFor(() => scripted.push(messageStart()));
    scripted.push(...textBlock(0, "Hello").slice(0, 2));
    await vi.waitFor(() => expect(published.at(-1)?.text).toBe("Hello"));

    scripted.push({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: " there" } });
    await vi.waitFor(() => expect(seenDeltas).toEqual(["Hello", " there"]));
    expect(store.getSnapshot().text).toBe("Hello");

    scripted.push({ type: "content_block_stop", index: 0 }, ...messageEnd());
    scripted.end();
    await sending;
    expect(store.getSnapshot()).toMatchObject({ status: "done", text: "Hello there" });
  });

  test("a long-lived caller signal keeps no listener after several streams", async () => {
    const { client } = createTestClient();
    const caller = new AbortController();
    const listeners = countAbortListeners(caller.signal);
    const store = new MessageStreamStore({ client });
    for (let index = 0; index < 4; index++) {
      const result = await store.send(ask(`Hello ${index} [[mock: words=5]]`), { signal: caller.signal });
      expect(result.status).toBe("done");
      expect(listeners.current()).toBe(0);
    }
    // A send that replaces one in flight detaches the replaced one too.
    const first = store.send(ask("Go on [[mock: words=300 slow=10]]"), { signal: caller.signal });
    const second = store.send(ask("Hello [[mock: words=5]]"), { signal: caller.signal });
    await expect(first).resolves.toMatchObject({ status: "aborted" });
    await expect(second).resolves.toMatchObject({ status: "done" });
    expect(listeners.current()).toBe(0);
    expect(listeners.added()).toBeGreaterThanOrEqual(6);
  });
});
