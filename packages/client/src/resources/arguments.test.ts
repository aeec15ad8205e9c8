import { describe, expect, it } from "vitest";
import { jsonResponse, message, params, scriptedClient } from "../../test/scripted-fetch.js";

const batch = {
  id: "msgbatch_1",
  type: "message_batch",
  processing_status: "in_progress",
  results_url: null,
};

describe("call shapes of both official SDK generations", () => {
  it("takes (id, options) as in 0.x", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(batch)]);
    await client.messages.batches.retrieve("msgbatch_1", { headers: { "x-trace": "a" } });
    expect(fetch.requests[0]!.headers.get("x-trace")).toBe("a");
  });

  it("takes (id, params, options) as in 1.x, with betas as the anthropic-beta header", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(batch), jsonResponse(batch)]);
    await client.messages.batches.cancel(
      "msgbatch_1",
      { betas: ["b-1", "b-2"] },
      { headers: { "x-trace": "b" } },
    );
    await client.models.retrieve("claude-sonnet-4-6", {});
    const [first] = fetch.requests;
    expect(first!.url).toBe("https://api.anthropic.com/v1/messages/batches/msgbatch_1/cancel");
    expect(first!.headers.get("anthropic-beta")).toBe("b-1,b-2");
    expect(first!.headers.get("x-trace")).toBe("b");
  });

  it("takes a lone params object with betas in the two-argument form", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(batch)]);
    await client.messages.batches.retrieve("msgbatch_1", { betas: ["b-3"] });
    expect(fetch.requests[0]!.headers.get("anthropic-beta")).toBe("b-3");
  });

  it("moves betas out of a message body into the header", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)]);
    await client.beta.messages.create({ ...params, betas: ["interleaved-thinking-2025-05-14"] });
    expect(fetch.requests[0]!.headers.get("anthropic-beta")).toBe("interleaved-thinking-2025-05-14");
    expect(await fetch.requests[0]!.json()).toEqual(params);
  });
});
