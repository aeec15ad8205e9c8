import { readEnv, redactDeep, redactHeaders } from "@colloquy/client";
import { checkOrigin, type OriginCheck, preflightResponse, withCorsHeaders } from "./cors.js";
import { errorResponse } from "./error-response.js";
import { returnedResponseHeaders, upstreamRequestHeaders } from "./forwarded-headers.js";
import type {
  AnthropicProxyOptions,
  ProxyHandler,
  ProxyRequestInfo,
  ProxyResponseInfo,
} from "./proxy-options.js";
import { settingsOf } from "./proxy-settings.js";
import type { RateLimitDecision } from "./rate-limit.js";
import { readLimitedBody } from "./read-limited-body.js";
import { checkRequestBody } from "./request-policy.js";
import { filterModelsBody, rewriteBatchBody } from "./rewrite-response.js";
import { type MatchedRoute, matchRoute } from "./routes.js";

const ANONYMOUS_USER = "anonymous";

/** A request's record while it is handled; `error` is set when something threw. */
type Progress = ProxyRequestInfo & { error?: string };

/** The 429 for a refused request, with the wait in both retry headers (the clients prefer `retry-after-ms`). */
function rateLimited(decision: RateLimitDecision): Response {
  return errorResponse(429, "rate_limit_error", "Too many requests through this proxy; retry later.", {
    "retry-after": String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))),
    "retry-after-ms": String(decision.retryAfterMs),
  });
}

/**
 * Creates the proxy: a Web fetch handler for a server route (Next.js, Hono, Bun.serve, Deno.serve,
 * Workers). It holds the key, authorizes each request with your check, forwards only the API routes a
 * browser app needs, enforces the model and `max_tokens` limits and the rate limit, streams responses
 * through unbuffered, and answers in the API's error envelope.
 *
 * @example
 * // app/api/anthropic/[...path]/route.ts (Next.js)
 * const proxy = createAnthropicProxy({ prefix: "/api/anthropic", authorize: async () => ({ userId: await currentUserId() }) });
 * export { proxy as GET, proxy as POST, proxy as DELETE };
 */
export function createAnthropicProxy(options: AnthropicProxyOptions): ProxyHandler {
  const settings = settingsOf(options);
  const fetchUpstream = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const readKey = async () => {
    const key = typeof options.apiKey === "function" ? await options.apiKey() : options.apiKey;
    return key || readEnv("ANTHROPIC_API_KEY");
  };

  /** Everything between the route check and the answer; `info` is filled in as the request goes. */
  async function answer(
    request: Request,
    info: Progress,
    matched: MatchedRoute,
    secrets: string[],
  ): Promise<Response> {
    const user = options.authorize ? await options.authorize(request) : { userId: ANONYMOUS_USER };
    if (user instanceof Response) return user;
    if (!user || typeof user.userId !== "string" || user.userId === "")
      return errorResponse(401, "authentication_error", "Sign in to use this proxy.");
    info.userId = user.userId;

    if (settings.rateLimit) {
      const { bucket, store } = settings.rateLimit;
      const decision = await store.take(user.userId, bucket, now());
      if (!decision.allowed) return rateLimited(decision);
    }

    if (
      matched.operation === "models.retrieve" &&
      matched.id &&
      settings.policy.allowsModel?.(matched.id) === false
    )
      return errorResponse(
        404,
        "not_found_error",
        `model: ${matched.id} is not available through this proxy.`,
      );

    let body: Uint8Array | undefined;
    if (request.method === "POST") {
      body = await readLimitedBody(request, settings.maxBodyBytes);
      if (!body)
        return errorResponse(
          413,
          "request_too_large",
          `The request body is over this proxy's limit of ${settings.maxBodyBytes} bytes.`,
        );
      const checked = checkRequestBody(matched, body, settings.policy);
      if (checked.refusal) return checked.refusal;
      info.model = checked.model;
    }

    const apiKey = await readKey();
    if (!apiKey)
      return errorResponse(
        401,
        "authentication_error",
        "The proxy has no API key: set ANTHROPIC_API_KEY on the server.",
      );
    secrets.push(apiKey);

    await options.onRequest?.(redactDeep(info, secrets) as ProxyRequestInfo);

    const search = new URL(request.url).search;
    let upstream: Response;
    try {
      upstream = await fetchUpstream(`${settings.upstreamBaseText}${matched.path}${search}`, {
        method: request.method,
        headers: upstreamRequestHeaders(request.headers, apiKey, settings.forwardHeaders),
        body: body as BodyInit | undefined,
        signal: request.signal,
        redirect: "manual",
      });
    } catch (error) {
      info.error = redactDeep(String(error), secrets) as string;
      return errorResponse(502, "api_error", "The proxy could not reach the API.");
    }
    return relay(request, upstream, matched, apiKey);
  }

  /** Upstream's answer for the browser: allowed headers only; batch and model lists rewritten, the rest streamed. */
  async function relay(
    request: Request,
    upstream: Response,
    matched: MatchedRoute,
    apiKey: string,
  ): Promise<Response> {
    const headers = returnedResponseHeaders(upstream.headers);
    const init = { status: upstream.status, statusText: upstream.statusText, headers };
    const isJSON = headers.get("content-type")?.includes("application/json") ?? false;
    if (!upstream.ok && isJSON) {
      // An error body is small; mask the key in case an upstream (a misconfigured gateway) echoes it.
      const text = await upstream.text();
      return new Response(text.replaceAll(apiKey, "***"), init);
    }
    const rewritesBatch = matched.route === "batches" && matched.operation !== "batches.results";
    const filtersModels = matched.operation === "models.list" && settings.policy.allowsModel !== undefined;
    if (!upstream.ok || !isJSON || !(rewritesBatch || filtersModels))
      return new Response(upstream.body, init);

    let body: unknown = await upstream.json();
    if (rewritesBatch) {
      const publicBase =
        options.publicBaseURL?.replace(/\/+$/, "") ?? `${new URL(request.url).origin}${settings.prefix}`;
      body = rewriteBatchBody(body, matched.operation, settings.upstreamBase, publicBase);
    }
    if (filtersModels && settings.policy.allowsModel)
      body = filterModelsBody(body, settings.policy.allowsModel);
    return new Response(JSON.stringify(body), init);
  }

  return async function anthropicProxy(request: Request): Promise<Response> {
    const started = now();
    const url = new URL(request.url);
    const info: Progress = {
      id: crypto.randomUUID(),
      userId: undefined,
      method: request.method,
      url: `${url.pathname}${url.search}`,
      operation: undefined,
      model: undefined,
      headers: redactHeaders(request.headers),
    };
    const secrets: string[] = [];

    const origin = checkOrigin(request, url.origin, options.cors);
    let response: Response;
    try {
      response = await route(request, url, origin, info, secrets);
    } catch (error) {
      info.error = redactDeep(String(error), secrets) as string;
      response = errorResponse(500, "api_error", "The proxy failed to handle this request.");
    }
    response = withCorsHeaders(response, origin, options.cors);

    if (options.onResponse) {
      const outcome: ProxyResponseInfo = {
        ...info,
        status: response.status,
        requestId: response.headers.get("request-id"),
        durationMs: now() - started,
      };
      try {
        await options.onResponse(redactDeep(outcome, secrets) as ProxyResponseInfo);
      } catch {
        // An audit hook's failure must not turn a good answer into an error.
      }
    }
    return response;
  };

  async function route(
    request: Request,
    url: URL,
    origin: OriginCheck,
    info: Progress,
    secrets: string[],
  ): Promise<Response> {
    if (origin.kind === "refused")
      return errorResponse(403, "permission_error", `The origin ${origin.origin} may not use this proxy.`);
    if (request.method === "OPTIONS") return preflightResponse(request, origin, options.cors);

    const { prefix } = settings;
    const inPrefix = prefix === "" || url.pathname.startsWith(`${prefix}/`);
    const matched = inPrefix
      ? matchRoute(request.method, url.pathname.slice(prefix.length), settings.routes)
      : undefined;
    if (!matched)
      return errorResponse(
        404,
        "not_found_error",
        `${request.method} ${url.pathname} is not served by this proxy.`,
      );
    info.operation = matched.operation;
    return answer(request, info, matched, secrets);
  }
}
