import type { JsonSchema } from "./types.js";

/** Context for {@link sampleFromSchema}: the root schema (for `$ref`) and the clock (for date formats). */
export interface SampleContext {
  root: JsonSchema;
  now: number;
}

function resolveRef(schema: JsonSchema, context: SampleContext): JsonSchema {
  const ref = schema.$ref;
  if (ref === "#") return context.root;
  if (!ref?.startsWith("#/")) return schema;
  let target: unknown = context.root;
  for (const segment of ref.slice(2).split("/")) {
    target = (target as Record<string, unknown> | undefined)?.[
      segment.replaceAll("~1", "/").replaceAll("~0", "~")
    ];
  }
  return (target as JsonSchema | undefined) ?? {};
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== "null") ?? schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

function sampleString(schema: JsonSchema, name: string, context: SampleContext): string {
  const date = new Date(context.now).toISOString();
  let value: string;
  switch (schema.format) {
    case "date-time":
      value = date;
      break;
    case "date":
      value = date.slice(0, 10);
      break;
    case "time":
      value = date.slice(11, 19);
      break;
    case "email":
      value = "user@example.com";
      break;
    case "uri":
    case "url":
      value = "https://example.com";
      break;
    case "uuid":
      value = "00000000-0000-4000-8000-000000000000";
      break;
    default:
      value = name ? `example ${name.replaceAll("_", " ")}` : "example";
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    value = value.slice(0, schema.maxLength);
  if (schema.minLength !== undefined && value.length < schema.minLength)
    value = value.padEnd(schema.minLength, "x");
  return value;
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const low =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  const high =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
  let value =
    low !== undefined && high !== undefined
      ? (low + high) / 2
      : (low ?? (high !== undefined ? Math.min(high, 1) : 1));
  if (integer) value = Math.round(value);
  return value;
}

/**
 * A deterministic value that satisfies a tool's JSON schema: `const`, then `default`, then `enum[0]`,
 * then a value of the (first non-null) type. Objects get their required properties (every property when
 * `required` is absent), arrays `max(minItems, 1)` items; `$ref` to local definitions and
 * `anyOf`/`oneOf`/`allOf` are followed. Recursion stops at depth 8.
 */
export function sampleFromSchema(input: JsonSchema, context: SampleContext, name = "", depth = 0): unknown {
  const schema = resolveRef(input, context);
  if (depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sampleFromSchema(variant, context, name, depth + 1);
  if (schema.allOf && schema.allOf.length > 0) {
    const merged: JsonSchema = { ...schema, allOf: undefined };
    for (const part of schema.allOf) {
      const resolved = resolveRef(part, context);
      merged.properties = { ...merged.properties, ...resolved.properties };
      merged.required = [...(merged.required ?? []), ...(resolved.required ?? [])];
      merged.type ??= resolved.type;
    }
    return sampleFromSchema(merged, context, name, depth + 1);
  }
  switch (primaryType(schema)) {
    case "object": {
      const properties = schema.properties ?? {};
      const keys = schema.required ?? Object.keys(properties);
      const result: Record<string, unknown> = {};
      for (const key of keys) result[key] = sampleFromSchema(properties[key] ?? {}, context, key, depth + 1);
      return result;
    }
    case "array": {
      const itemSchema = Array.isArray(schema.items) ? (schema.items[0] ?? {}) : (schema.items ?? {});
      const count = Math.max(schema.minItems ?? 1, 1);
      const limited = schema.maxItems !== undefined ? Math.min(count, schema.maxItems) : count;
      return Array.from({ length: limited }, () => sampleFromSchema(itemSchema, context, name, depth + 1));
    }
    case "string":
      return sampleString(schema, name, context);
    case "integer":
      return sampleNumber(schema, true);
    case "number":
      return sampleNumber(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return name ? `example ${name.replaceAll("_", " ")}` : null;
  }
}
