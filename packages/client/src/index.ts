export { Anthropic, Anthropic as default } from "./anthropic.js";
export { APIPromise, type APIResponseProps, type ParseResponse, type WithRequestID } from "./api-promise.js";
export { BaseAnthropic, type BuiltRequest, type ClientOptions, type Fetch } from "./client.js";
export {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BillingError,
  ConflictError,
  GatewayTimeoutError,
  InternalServerError,
  NotFoundError,
  OverloadedError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  StreamTruncatedError,
  UnprocessableEntityError,
} from "./errors.js";
/** @internal For the cloud clients: the base, request rewriting and Messages resource `@colloquy/bedrock` and `@colloquy/vertex` share. */
export {
  BaseCloudAnthropic,
  type CloudMessages,
  type CloudMessagesRequest,
  type CloudRequest,
  type CloudRewrite,
  cloudMessages,
  rewriteCloudRequest,
} from "./internal/cloud-request.js";
export { isBrowserLike, readEnv } from "./internal/env.js";
export type { Logger, LogLevel } from "./internal/logger.js";
export { MessageAccumulator } from "./internal/message-accumulator.js";
export { PartialJSONAccumulator } from "./internal/partial-json.js";
/** Secret redaction shared with `@colloquy/proxy`: masks API keys, bearer tokens and secret-named fields. */
export { redactDeep, redactHeaders, redactSecrets } from "./internal/redact.js";
export { type LinkedSignal, linkSignals } from "./link-signals.js";
export {
  MessageStream,
  type MessageStreamEmitted,
  type MessageStreamEvents,
  type MessageStreamRequest,
} from "./message-stream.js";
export { messageText, type TextLikeBlock, type TextSource } from "./message-text.js";
export { Page, PagePromise } from "./pagination.js";
export type { FetchOptions, HeadersInit, RequestOptions } from "./request-options.js";
export { Batches, BetaBatches } from "./resources/batches.js";
export { Beta, BetaMessages } from "./resources/beta.js";
export { Messages } from "./resources/messages.js";
export { Models } from "./resources/models.js";
export {
  isRetryableError,
  retryDelayFromHeaders,
  retryDelayMs,
  shouldRetryResponse,
} from "./retry-policy.js";
export { JSONLDecoder } from "./streaming/jsonl.js";
/** @internal For cloud clients with their own framing: reads a body with the idle timeout and abort handling. */
export { readBody } from "./streaming/read-body.js";
export { type SSEStreamOptions, Stream } from "./streaming/stream.js";
// The wire types (not `export type *`, which needs TypeScript >= 5.0 in our declarations).
export * from "./types/index.js";
