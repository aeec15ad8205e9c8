import type { JsonSchema, MessagesRequest } from "./types.js";

/**
 * The JSON schema a structured-output request asks the reply to follow: `output_config.format` (or the
 * beta's `output_format`) of type `json_schema`; null otherwise.
 */
export function structuredOutputSchema(request: MessagesRequest): JsonSchema | null {
  const config = request.raw.output_config as { format?: unknown } | null | undefined;
  const format = (config?.format ?? request.raw.output_format) as
    | { type?: unknown; schema?: unknown }
    | null
    | undefined;
  if (format?.type !== "json_schema" || typeof format.schema !== "object" || format.schema === null)
    return null;
  return format.schema as JsonSchema;
}
