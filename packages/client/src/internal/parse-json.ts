import { AnthropicError } from "../errors.js";

/** `JSON.parse`, or `undefined` when the text is not valid JSON. */
export function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `JSON.parse`, throwing an `AnthropicError` that says where the text was (`place`, e.g. "line 3")
 * and why it is not valid JSON, e.g. "Invalid JSON in line 3: Unexpected end of JSON input".
 */
export function parseJSONOrThrow(text: string, place?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AnthropicError(`Invalid JSON${place ? ` in ${place}` : ""}: ${(cause as Error).message}`, {
      cause,
    });
  }
}
