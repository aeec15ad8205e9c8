import { errorResponse } from "./error-response.js";
import type { MatchedRoute } from "./routes.js";

/** The limits a proxy puts on request bodies. */
export interface RequestPolicy {
  /** Whether a model may be used; `undefined` allows every model. */
  allowsModel: ((model: string) => boolean) | undefined;
  /** Highest `max_tokens` accepted; `undefined` for no cap. */
  maxTokens: number | undefined;
}

type JSONObject = Record<string, unknown>;

const isObject = (value: unknown): value is JSONObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks one Messages request's parameters; `where` names them in the error (`requests[2].params`). */
function checkParams(params: JSONObject, where: string, policy: RequestPolicy): Response | undefined {
  const { model, max_tokens: maxTokens } = params;
  if (policy.allowsModel) {
    if (typeof model !== "string")
      return errorResponse(400, "invalid_request_error", `${where}model: a model name is required.`);
    if (!policy.allowsModel(model))
      return errorResponse(403, "permission_error", `${where}model: ${model} is not allowed by this proxy.`);
  }
  if (policy.maxTokens !== undefined && typeof maxTokens === "number" && maxTokens > policy.maxTokens) {
    return errorResponse(
      400,
      "invalid_request_error",
      `${where}max_tokens: ${maxTokens} is above this proxy's limit of ${policy.maxTokens}.`,
    );
  }
  return undefined;
}

/**
 * Applies the model allow-list and the `max_tokens` cap to a request body: a Messages or count_tokens
 * request, or every request of a new batch. Returns the refusal, or `undefined` when the body may go on.
 */
export function checkRequestBody(
  matched: MatchedRoute,
  body: Uint8Array,
  policy: RequestPolicy,
): { refusal?: Response; model?: string } {
  const checked = ["messages.create", "messages.countTokens", "batches.create"];
  if (!checked.includes(matched.operation)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { refusal: errorResponse(400, "invalid_request_error", "The request body is not valid JSON.") };
  }
  if (!isObject(parsed))
    return {
      refusal: errorResponse(400, "invalid_request_error", "The request body must be a JSON object."),
    };

  if (matched.operation !== "batches.create") {
    const refusal = checkParams(parsed, "", policy);
    if (refusal) return { refusal };
    return typeof parsed.model === "string" ? { model: parsed.model } : {};
  }
  const requests = Array.isArray(parsed.requests) ? parsed.requests : [];
  for (const [index, item] of requests.entries()) {
    // A malformed entry is left to the API, which rejects the whole batch with its own message.
    if (!isObject(item) || !isObject(item.params)) continue;
    const refusal = checkParams(item.params, `requests[${index}].params.`, policy);
    if (refusal) return { refusal };
  }
  return {};
}
