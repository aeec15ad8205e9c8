import { CREDENTIAL_HEADERS } from "./forwarded-headers.js";
import type { AnthropicProxyOptions } from "./proxy-options.js";
import { createMemoryRateLimitStore, type RateLimitStore, type TokenBucketOptions } from "./rate-limit.js";
import type { RequestPolicy } from "./request-policy.js";
import { ALL_ROUTES, type ProxyRoute } from "./routes.js";

const DEFAULT_BASE_URL = "https://api.anthropic.com";
const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The options, checked once when the proxy is created. */
export interface Settings {
  prefix: string;
  upstreamBase: URL;
  upstreamBaseText: string;
  routes: readonly ProxyRoute[];
  policy: RequestPolicy;
  maxBodyBytes: number;
  forwardHeaders: ReadonlySet<string>;
  rateLimit: { bucket: TokenBucketOptions; store: RateLimitStore } | undefined;
}

/** Checks the options and fills in the defaults; a `TypeError` names the first option that cannot work. */
export function settingsOf(options: AnthropicProxyOptions): Settings {
  if (!options.authorize && options.allowAnonymous !== true) {
    throw new TypeError(
      "createAnthropicProxy: pass `authorize` (your session check) or set `allowAnonymous: true` explicitly.",
    );
  }
  const prefix = (options.prefix ?? "").replace(/\/+$/, "");
  if (prefix !== "" && !/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix))
    throw new TypeError(
      `createAnthropicProxy: prefix must look like "/api/anthropic", got ${JSON.stringify(options.prefix)}.`,
    );

  const baseText = options.baseURL ?? DEFAULT_BASE_URL;
  let upstreamBase: URL;
  try {
    upstreamBase = new URL(baseText);
  } catch {
    throw new TypeError(`createAnthropicProxy: baseURL is not a URL: ${JSON.stringify(baseText)}.`);
  }
  if (!/^https?:$/.test(upstreamBase.protocol) || upstreamBase.search || upstreamBase.hash)
    throw new TypeError("createAnthropicProxy: baseURL must be an http(s) URL without query or fragment.");

  const routes = options.routes ?? ALL_ROUTES;
  for (const route of routes) {
    if (!ALL_ROUTES.includes(route))
      throw new TypeError(
        `createAnthropicProxy: unknown route ${JSON.stringify(route)}; use ${ALL_ROUTES.join(", ")}.`,
      );
  }
  for (const name of options.forwardHeaders ?? []) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase()))
      throw new TypeError(`createAnthropicProxy: ${name} carries credentials and is never forwarded.`);
  }
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0))
      throw new TypeError(`createAnthropicProxy: ${name} must be a positive number, got ${value}.`);
  };
  positive("maxTokens", options.maxTokens);
  positive("maxBodyBytes", options.maxBodyBytes);
  positive("rateLimit.capacity", options.rateLimit?.capacity);
  positive("rateLimit.refillPerSecond", options.rateLimit?.refillPerSecond);

  const models = options.models;
  let allowsModel: ((model: string) => boolean) | undefined;
  if (typeof models === "function") allowsModel = models;
  else if (models) allowsModel = (model) => models.includes(model);

  return {
    prefix,
    upstreamBase,
    upstreamBaseText: upstreamBase.href.replace(/\/+$/, ""),
    routes,
    policy: { allowsModel, maxTokens: options.maxTokens },
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    forwardHeaders: new Set((options.forwardHeaders ?? []).map((name) => name.toLowerCase())),
    rateLimit: options.rateLimit && {
      bucket: { capacity: options.rateLimit.capacity, refillPerSecond: options.rateLimit.refillPerSecond },
      store: options.rateLimit.store ?? createMemoryRateLimitStore(),
    },
  };
}
