export type { CorsOptions } from "./cors.js";
export { createAnthropicProxy } from "./create-anthropic-proxy.js";
export { errorResponse, type ProxyErrorType } from "./error-response.js";
export type {
  AnthropicProxyOptions,
  ProxyHandler,
  ProxyRequestInfo,
  ProxyResponseInfo,
  ProxyUser,
  RateLimitOptions,
} from "./proxy-options.js";
export {
  type BucketState,
  createMemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  type RateLimitDecision,
  type RateLimitStore,
  type TokenBucketOptions,
  takeToken,
} from "./rate-limit.js";
export { ALL_ROUTES, type ProxyRoute } from "./routes.js";
