import { jsonSchemaOutputFormat } from "@anthropic-ai/sdk/helpers/json-schema";
import { describe, expect, it } from "vitest";
import { MODEL, rawHeaders, startForFile } from "./helpers.js";

const { server, client } = await startForFile();

const filmSchema = {
  type: "object",
  properties: {
    title: { type: "string" },
    year: { type: "integer" },
    genres: { type: "array", items: { type: "string", enum: ["drama", "comedy"] } },
    director: {
      type: "object",
      properties: { name: { type: "string" }, born: { type: "string", format: "date" } },
      required: ["name", "born"],
      additionalProperties: false,
    },
    sequel: { anyOf: [{ type: "string" }, { type: "null" }] },
  },
  required: ["title", "year", "genres", "director", "sequel"],
  additionalProperties: false,
} as const;

describe("structured outputs", () => {
  it("messages.parse() gets JSON that follows the schema, as parsed_output", async () => {
    const message = await client.messages.parse({
      model: MODEL,
      max_tokens: 1024,
      messages: [{ role: "user", content: "Name a film" }],
      output_config: { format: jsonSchemaOutputFormat(filmSchema) },
    });
    expect(message.stop_reason).toBe("end_turn");
    expect(message.parsed_output).toEqual({
      title: "example title",
      year: 1,
      genres: ["drama"],
      director: { name: "example name", born: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      sequel: "example sequel",
    });
  });

  it("streams the same JSON as text deltas", async () => {
    const params = {
      model: MODEL,
      max_tokens: 1024,
      messages: [{ role: "user" as const, content: "Name a film, streamed" }],
      output_config: { format: { type: "json_schema" as const, schema: filmSchema } },
    };
    const created = await client.messages.create(params);
    const streamed = await client.messages.stream(params).finalText();
    expect(JSON.parse(streamed)).toEqual(JSON.parse((created.content[0] as { text: string }).text));
  });

  it("respects bounds the schema keeps (minimum, minItems, minLength)", async () => {
    const response = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: rawHeaders,
      body: JSON.stringify({
        model: MODEL,
        max_tokens: 512,
        messages: [{ role: "user", content: "Bounds" }],
        output_config: {
          format: {
            type: "json_schema",
            schema: {
              type: "object",
              properties: {
                year: { type: "integer", minimum: 1900, maximum: 2100 },
                tags: { type: "array", items: { type: "string" }, minItems: 3 },
                code: { type: "string", minLength: 12 },
              },
            },
          },
        },
      }),
    });
    const message = (await response.json()) as { content: Array<{ text: string }> };
    const value = JSON.parse(message.content[0]?.text ?? "") as {
      year: number;
      tags: string[];
      code: string;
    };
    expect(value.year).toBeGreaterThanOrEqual(1900);
    expect(value.year).toBeLessThanOrEqual(2100);
    expect(value.tags).toHaveLength(3);
    expect(value.code.length).toBeGreaterThanOrEqual(12);
  });

  it("rejects a format that is not a JSON schema with a 400 naming the field", async () => {
    const error = await client.messages
      .create({
        model: MODEL,
        max_tokens: 64,
        messages: [{ role: "user", content: "Hi" }],
        output_config: { format: { type: "yaml" } as never },
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, error: { error: { type: "invalid_request_error" } } });
    expect((error as Error).message).toContain("output_config.format");
  });
});
