import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { defaultModels } from "../src/models-catalog.js";
import { startForFile, startWithClient } from "./helpers.js";

const { client } = await startForFile();

const listed = defaultModels().filter((model) => model.lifecycle !== "retired");

describe("GET /v1/models through the official SDK", () => {
  it("auto-paginates through every model, newest first", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 4 })) ids.push(model.id);
    expect(ids).toEqual(listed.map((model) => model.id));
    const dates = listed.map((model) => model.created_at);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("reports has_more, first_id and last_id on each page", async () => {
    const page = await client.models.list({ limit: 3 });
    expect(page.data.map((model) => model.id)).toEqual(listed.slice(0, 3).map((model) => model.id));
    expect(page.has_more).toBe(true);
    expect(page.first_id).toBe(listed[0]?.id);
    expect(page.last_id).toBe(listed[2]?.id);
    const next = await page.getNextPage();
    expect(next.data[0]?.id).toBe(listed[3]?.id);
  });

  it("pages backwards with before_id", async () => {
    const anchor = listed[5]?.id ?? "";
    const page = await client.models.list({ before_id: anchor, limit: 2 });
    expect(page.data.map((model) => model.id)).toEqual(listed.slice(3, 5).map((model) => model.id));
    expect(page.has_more).toBe(true);
    const ids: string[] = [];
    for await (const model of client.models.list({ before_id: anchor, limit: 2 })) ids.push(model.id);
    expect(new Set(ids)).toEqual(new Set(listed.slice(0, 5).map((model) => model.id)));
  });

  it("lists retired models only when asked", async () => {
    const page = await client.models.list({ lifecycle: ["retired"], limit: 100 });
    expect(page.data.map((model) => model.id)).toEqual(["claude-mythos-preview"]);
    expect(page.data[0]?.lifecycle).toBe("retired");
  });

  it("retrieves a model by id or alias, with every field", async () => {
    const model = await client.models.retrieve("claude-haiku-4-5");
    expect(model).toMatchObject({
      type: "model",
      id: "claude-haiku-4-5-20251001",
      display_name: "Claude Haiku 4.5",
      lifecycle: "active",
      deprecated_at: null,
      retires_at: null,
      line: "haiku",
    });
    expect(model.max_tokens).toBeGreaterThan(0);
  });

  it("answers an unknown model id with NotFoundError", async () => {
    await expect(client.models.retrieve("claude-nope")).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it("rejects a limit outside 1–1000", async () => {
    await expect(client.models.list({ limit: 0 })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it("serves the models given in the options", async () => {
    const custom = await startWithClient({
      models: ["claude-sonnet-4-6", { id: "my-model", display_name: "Mine" }],
    });
    try {
      const ids: string[] = [];
      for await (const model of custom.client.models.list()) ids.push(model.id);
      expect(ids.sort()).toEqual(["claude-sonnet-4-6", "my-model"]);
      const error = await custom.client.messages
        .create({ model: "claude-opus-4-6", max_tokens: 10, messages: [{ role: "user", content: "hi" }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    } finally {
      await custom.server.close();
    }
  });
});
