export type { CorsOptions } from "./cors.js";
export {
  type AnthropicProxyOptions,
  createAnthropicProxy,
  type ProxyHandler,
  type ProxyRequestInfo,
  type ProxyResponseInfo,
  type ProxyUser,
  type RateLimitOptions,
} from "./create-anthropic-proxy.js";
export { errorResponse, type ProxyErrorType } from "./error-response.js";
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
