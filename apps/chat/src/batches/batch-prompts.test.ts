import { describe, expect, it } from "vitest";
import { memoryStorage } from "../../test/memory-storage";
import { loadBatchPrompts, saveBatchPrompts } from "./batch-prompts";

const request = (custom_id: string, content: string | { type: "text"; text: string }[]) => ({
  custom_id,
  params: { model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user" as const, content }] },
});

describe("batch prompts", () => {
  it("remembers each request's prompt by custom_id, per batch, across a reload", () => {
    const storage = memoryStorage();
    saveBatchPrompts(storage, "msgbatch_1", [
      request("sea", "Write a haiku about the sea"),
      request("blocks", [{ type: "text", text: "From blocks" }]),
    ]);
    saveBatchPrompts(storage, "msgbatch_2", [request("other", "Other")]);
    expect(loadBatchPrompts(storage, "msgbatch_1")).toEqual({
      sea: "Write a haiku about the sea",
      blocks: "From blocks",
    });
    expect(loadBatchPrompts(storage, "unknown")).toEqual({});
  });

  it("survives unreadable storage", () => {
    expect(loadBatchPrompts(memoryStorage({ "colloquy.batch-prompts.v1": "{nope" }), "msgbatch_1")).toEqual(
      {},
    );
  });
});
