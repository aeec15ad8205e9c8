import { describe, expect, it } from "vitest";
import { sampleFromSchema } from "./schema-sample.js";
import type { JsonSchema } from "./types.js";

const now = Date.UTC(2026, 10, 26, 12, 0, 0);
const sample = (schema: JsonSchema) => sampleFromSchema(schema, { root: schema, now });

describe("sampleFromSchema", () => {
  it("fills required properties of each JSON type", () => {
    expect(
      sample({
        type: "object",
        properties: {
          name: { type: "string" },
          count: { type: "integer", minimum: 2, maximum: 10 },
          ratio: { type: "number" },
          on: { type: "boolean" },
          nothing: { type: "null" },
          optional: { type: "string" },
        },
        required: ["name", "count", "ratio", "on", "nothing"],
      }),
    ).toEqual({ name: "example name", count: 6, ratio: 1, on: true, nothing: null });
  });

  it("prefers const, default and the first enum value", () => {
    expect(
      sample({
        type: "object",
        properties: { a: { const: 3 }, b: { default: "d" }, c: { enum: ["x", "y"] } },
      }),
    ).toEqual({
      a: 3,
      b: "d",
      c: "x",
    });
  });

  it("builds nested objects and arrays with at least minItems items", () => {
    expect(
      sample({
        type: "object",
        properties: {
          list: {
            type: "array",
            items: { type: "object", properties: { id: { type: "integer" } } },
            minItems: 2,
          },
        },
      }),
    ).toEqual({ list: [{ id: 1 }, { id: 1 }] });
  });

  it("follows local $ref, anyOf and nullable types, and formats dates from the clock", () => {
    expect(
      sample({
        type: "object",
        $defs: { when: { type: "string", format: "date-time" } },
        properties: {
          at: { $ref: "#/$defs/when" },
          either: { anyOf: [{ type: "boolean" }, { type: "string" }] },
          maybe: { type: ["null", "integer"] },
        },
      }),
    ).toEqual({ at: "2026-11-26T12:00:00.000Z", either: true, maybe: 1 });
  });

  it("stops on recursive schemas", () => {
    const schema: JsonSchema = { type: "object", properties: { child: { $ref: "#" } }, required: ["child"] };
    expect(JSON.stringify(sample(schema))).toContain("null");
  });
});
