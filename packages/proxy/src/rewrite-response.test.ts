import { describe, expect, it } from "vitest";
import { filterModelsBody, rewriteBatchBody, rewriteResultsUrl } from "./rewrite-response.js";

const upstream = new URL("https://api.anthropic.com");
const behindPath = new URL("https://gateway.example/anthropic/");
const publicBase = "https://app.example/api/anthropic";

describe("rewriteResultsUrl", () => {
  it("moves a results URL under the proxy's own address, keeping the query", () => {
    expect(
      rewriteResultsUrl(
        "https://api.anthropic.com/v1/messages/batches/msgbatch_1/results?beta=true",
        upstream,
        publicBase,
      ),
    ).toBe("https://app.example/api/anthropic/v1/messages/batches/msgbatch_1/results?beta=true");
    expect(
      rewriteResultsUrl(
        "https://gateway.example/anthropic/v1/messages/batches/b/results",
        behindPath,
        publicBase,
      ),
    ).toBe("https://app.example/api/anthropic/v1/messages/batches/b/results");
  });

  it("turns a URL on another host, outside the base path or not a results path into null", () => {
    for (const value of [
      "https://elsewhere.example/v1/messages/batches/b/results",
      "https://api.anthropic.com/v1/files/file_1/content",
      "https://api.anthropic.com/v1/messages/batches/../../files/x/results",
      "not a url",
    ])
      expect(rewriteResultsUrl(value, upstream, publicBase), value).toBeNull();
    expect(
      rewriteResultsUrl("https://gateway.example/v1/messages/batches/b/results", behindPath, publicBase),
    ).toBeNull();
    expect(rewriteResultsUrl(null, upstream, publicBase)).toBeNull();
  });
});

describe("rewriteBatchBody and filterModelsBody", () => {
  it("rewrites one batch or every batch of a list page", () => {
    const url = "https://api.anthropic.com/v1/messages/batches/b/results";
    const expected = `${publicBase}/v1/messages/batches/b/results`;
    expect(rewriteBatchBody({ id: "b", results_url: url }, "batches.retrieve", upstream, publicBase)).toEqual(
      {
        id: "b",
        results_url: expected,
      },
    );
    const page = { data: [{ results_url: url }, { results_url: null }], has_more: false };
    expect(rewriteBatchBody(page, "batches.list", upstream, publicBase)).toEqual({
      data: [{ results_url: expected }, { results_url: null }],
      has_more: false,
    });
  });

  it("keeps only allowed models", () => {
    const page = { data: [{ id: "a" }, { id: "b" }, { nope: 1 }], has_more: false };
    expect(filterModelsBody(page, (id) => id === "b")).toEqual({ data: [{ id: "b" }], has_more: false });
  });
});
