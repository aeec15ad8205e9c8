import { describe, expect, it } from "vitest";
import { detectBatchInputFormat, parseBatchInput, parseCsv } from "./batch-input";

const defaults = { model: "claude-sonnet-4-6", max_tokens: 256 };

describe("parseBatchInput", () => {
  it("turns each non-empty pasted line into a request with a generated custom_id", () => {
    const { requests, errors, format } = parseBatchInput("Hello\n\n  Write a haiku  \r\n", defaults);
    expect(format).toBe("lines");
    expect(errors).toEqual([]);
    expect(requests).toEqual([
      {
        custom_id: "request-1",
        params: {
          model: "claude-sonnet-4-6",
          max_tokens: 256,
          messages: [{ role: "user", content: "Hello" }],
        },
      },
      {
        custom_id: "request-2",
        params: {
          model: "claude-sonnet-4-6",
          max_tokens: 256,
          messages: [{ role: "user", content: "Write a haiku" }],
        },
      },
    ]);
  });

  it("reads a CSV with a header, quoted commas and newlines, and per-row overrides", () => {
    const csv = 'custom_id,prompt,max_tokens\nq1,"Hi, there",\nq2,"Two\nlines ""quoted""",50\n';
    const { requests, errors } = parseBatchInput(
      csv,
      { ...defaults, system: "Be brief" },
      "auto",
      "prompts.csv",
    );
    expect(errors).toEqual([]);
    expect(requests.map((request) => request.custom_id)).toEqual(["q1", "q2"]);
    expect(requests[0]?.params).toMatchObject({ max_tokens: 256, system: "Be brief" });
    expect(requests[1]?.params.messages[0]?.content).toBe('Two\nlines "quoted"');
    expect(requests[1]?.params.max_tokens).toBe(50);
  });

  it("reads headerless CSV rows as custom_id,prompt", () => {
    const { requests } = parseBatchInput("a,first\nb,second, with comma\n", defaults, "csv");
    expect(requests.map((request) => [request.custom_id, request.params.messages[0]?.content])).toEqual([
      ["a", "first"],
      ["b", "second, with comma"],
    ]);
  });

  it("accepts JSONL lines with full params or a prompt, detected from the content", () => {
    const jsonl = [
      JSON.stringify({
        custom_id: "full",
        params: { model: "m", max_tokens: 9, messages: [{ role: "user", content: "x" }] },
      }),
      JSON.stringify({ prompt: "short one", model: "claude-haiku-4-5" }),
    ].join("\n");
    const { requests, errors, format } = parseBatchInput(jsonl, defaults);
    expect(format).toBe("jsonl");
    expect(errors).toEqual([]);
    expect(requests[0]).toEqual({
      custom_id: "full",
      params: { model: "m", max_tokens: 9, messages: [{ role: "user", content: "x" }] },
    });
    expect(requests[1]).toMatchObject({
      custom_id: "request-2",
      params: { model: "claude-haiku-4-5", max_tokens: 256 },
    });
  });

  it("reports bad JSON, invalid and duplicate custom_ids with their line numbers", () => {
    const jsonl = [
      '{"custom_id":"ok","prompt":"a"}',
      "{nope",
      '{"custom_id":"ok","prompt":"b"}',
      '{"custom_id":"bad id!","prompt":"c"}',
    ].join("\n");
    const { requests, errors } = parseBatchInput(jsonl, defaults, "jsonl");
    expect(requests.map((request) => request.custom_id)).toEqual(["ok"]);
    expect(errors.map((error) => error.line)).toEqual([2, 3, 4]);
    expect(errors[1]?.message).toContain("used twice");
    expect(errors[2]?.message).toContain("must match");
  });
});

describe("detectBatchInputFormat", () => {
  it("prefers the file extension, then the content", () => {
    expect(detectBatchInputFormat("{}", "a.csv")).toBe("csv");
    expect(detectBatchInputFormat("x", "a.jsonl")).toBe("jsonl");
    expect(detectBatchInputFormat('{"prompt":"a"}\n{"prompt":"b"}')).toBe("jsonl");
    expect(detectBatchInputFormat("plain\n{json-ish")).toBe("lines");
  });

  it("reads pasted text whose first line is a header with a prompt column as CSV", () => {
    expect(detectBatchInputFormat("custom_id,prompt\na,Hello")).toBe("csv");
    expect(detectBatchInputFormat('"Prompt", "model"\n"Hi",claude-haiku-4-5')).toBe("csv");
    // A prompt that merely mentions the word, or a line without commas, stays a prompt.
    expect(detectBatchInputFormat("Write a prompt, then a poem\nSecond")).toBe("lines");
    expect(detectBatchInputFormat("prompt\nHello")).toBe("lines");
    const { requests } = parseBatchInput("custom_id,prompt\nsea,Write a haiku\n", defaults);
    expect(requests.map((request) => request.custom_id)).toEqual(["sea"]);
  });
});

describe("parseCsv", () => {
  it("handles CRLF, empty lines and a last row without a newline", () => {
    expect(parseCsv('a,b\r\n\r\n"c\r\nd",e')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["c\r\nd", "e"] },
    ]);
  });
});
