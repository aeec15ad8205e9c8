import { defaultErrorMessage, errorEnvelope, jsonResponse } from "../errors.js";
import { buildMessage, generateReply } from "../reply-generator.js";
import type { MockState, RouteContext } from "../route-context.js";
import {
  createEventStream,
  EVENT_STREAM_CONTENT_TYPE,
  messageStreamEvents,
  type StreamFailure,
} from "../sse.js";
import { countInputTokens } from "../token-estimate.js";
import { errorTypeFromName, type MockTriggers } from "../triggers.js";
import { validateMessagesRequest } from "../validation.js";

/** Events sent before a `stream-error` or `drop` trigger fires, unless `after=N` says otherwise. */
export const DEFAULT_FAILURE_AFTER = 5;

function streamFailure(triggers: MockTriggers, requestId: string): StreamFailure | undefined {
  const after = triggers.after ?? DEFAULT_FAILURE_AFTER;
  if (triggers.drop) return { kind: "drop", after };
  if (triggers.streamError === undefined) return undefined;
  const known = errorTypeFromName(triggers.streamError);
  const message = known ? defaultErrorMessage(known) : "Mock stream error";
  return { kind: "error", after, error: errorEnvelope(known ?? triggers.streamError, message, requestId) };
}

/** 1 for the first reply to a request, 2 for the next identical request, … (always 1 when not varying). */
function nextVariant(state: MockState, context: RouteContext): number {
  if (!state.varyRepeatedRequests) return 1;
  const variant = (state.repeats.get(context.requestKey) ?? 0) + 1;
  state.repeats.set(context.requestKey, variant);
  return variant;
}

/** `POST /v1/messages`: a JSON `Message`, or with `stream: true` the SSE event stream. */
export function createMessage(state: MockState, context: RouteContext): Response {
  const request = validateMessagesRequest(context.body, {
    kind: "messages",
    version: context.version,
    catalog: state.catalog,
  });
  state.limiter.admit(() => countInputTokens(request));
  const input = state.cache.usageFor(request);
  const plan = generateReply(request, {
    seed: state.seed,
    now: state.now(),
    triggers: context.triggers,
    nextToolUseId: () => state.ids.next("toolUse"),
    variant: nextVariant(state, context),
  });
  // The cache's three input counts add up to the count_tokens estimate.
  const inputTokens = input.input_tokens + input.cache_creation_input_tokens + input.cache_read_input_tokens;
  state.limiter.recordUsage(inputTokens, plan.output_tokens);
  const message = buildMessage(plan, {
    id: state.ids.next("message"),
    model: request.model,
    input,
    serviceTier: "standard",
  });
  if (!request.stream) return jsonResponse(message);
  const body = createEventStream(messageStreamEvents(message, plan), {
    delayMs: context.triggers.delayMs ?? state.streamDelayMs,
    signal: context.signal,
    failure: streamFailure(context.triggers, context.requestId),
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": EVENT_STREAM_CONTENT_TYPE, "cache-control": "no-cache" },
  });
}

/** `POST /v1/messages/count_tokens`: the same input estimate a Messages request gets. */
export function countTokens(state: MockState, context: RouteContext): Response {
  const request = validateMessagesRequest(context.body, {
    kind: "count_tokens",
    version: context.version,
    catalog: state.catalog,
  });
  return jsonResponse({ input_tokens: countInputTokens(request) });
}
