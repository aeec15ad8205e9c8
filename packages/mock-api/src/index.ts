export { DIRECT_BROWSER_ACCESS_HEADER, EXPOSED_HEADERS } from "./cors.js";
export { createMockApi, type HandleOptions, type MockApi, type MockApiOptions } from "./create-mock-api.js";
export { errorEnvelope, MockApiError, statusForErrorType } from "./errors.js";
export { MAX_IMAGE_BYTES } from "./message-validation.js";
export { type CatalogModel, defaultModels, type ModelOption } from "./models-catalog.js";
export { MIN_CACHEABLE_TOKENS } from "./prompt-cache.js";
export { DEFAULT_RATE_LIMITS, type RateLimits } from "./rate-limiter.js";
export { DEFAULT_FAILURE_AFTER } from "./routes/messages.js";
export { EVENT_STREAM_CONTENT_TYPE, encodeEvent, type SseEvent } from "./sse.js";
export { countInputTokens, estimateTextTokens } from "./token-estimate.js";
export {
  FAIL_TIMES_HEADER,
  type MockTriggers,
  parseDirectives,
  parseTriggerEntries,
  stripDirectives,
  TRIGGER_HEADER,
  triggerDocs,
} from "./triggers.js";
export type * from "./types.js";
export { SUPPORTED_VERSIONS } from "./validation.js";
