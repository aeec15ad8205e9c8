// The latency model as a client meets it: a request slower than the client's timeout fails the way a
// slow real API makes it fail. (Times are asserted only in src/latency.test.ts, on fake timers.)
import { APIConnectionTimeoutError, APIUserAbortError } from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { createMockApi } from "../src/create-mock-api.js";
import { oneTurn, startForFile } from "./helpers.js";

const { client } = await startForFile({ latencyMs: 60_000 });

const hello = oneTurn("Hello", 64);

describe("latency through the official SDK", () => {
  it("times a non-streaming request out when the latency is longer than the client's timeout", async () => {
    await expect(client.messages.create(hello, { timeout: 20 })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it("lets a user abort a slow request", async () => {
    const controller = new AbortController();
    const pending = client.messages.create(hello, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("answers at once when the latency=0 trigger overrides the option", async () => {
    const message = await client.messages.create(
      { ...hello, messages: [{ role: "user", content: "Now [[mock: latency=0]]" }] },
      { timeout: 10_000 },
    );
    expect(message.type).toBe("message");
  });

  it("rejects an in-process fetch with the AbortError of its signal", async () => {
    const api = createMockApi({ latencyMs: 60_000 });
    const controller = new AbortController();
    const pending = api.handle(
      new Request("https://api.anthropic.com/v1/models", {
        headers: { "x-api-key": "k", "anthropic-version": "2023-06-01" },
        signal: controller.signal,
      }),
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
