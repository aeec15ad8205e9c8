import { EXPOSED_RESPONSE_HEADERS } from "./forwarded-headers.js";

/** Cross-origin access. Without it the proxy serves its own origin only. */
export interface CorsOptions {
  /** Other origins allowed to call the proxy, e.g. `["https://dashboard.example.com"]`, or a predicate. */
  origins: readonly string[] | ((origin: string) => boolean);
  /**
   * Whether those origins may send cookies (`access-control-allow-credentials`).
   * @default false
   */
  credentials?: boolean;
  /**
   * How long a browser may cache a preflight, in seconds.
   * @default 600
   */
  maxAge?: number;
}

/** Where a request comes from, as far as CORS is concerned. */
export type OriginCheck =
  | { kind: "same-origin" }
  | { kind: "cross-origin"; origin: string }
  | { kind: "refused"; origin: string };

/**
 * Classifies a request. No `Origin` header (a server, curl, a same-origin GET) or the proxy's own origin
 * is same-origin, unless the browser says the request comes from another site; so is `sec-fetch-site: same-origin`, which a page cannot forge (it covers a proxy whose
 * `request.url` shows an internal host behind a load balancer). Other origins need `cors.origins`.
 */
export function checkOrigin(
  request: Request,
  requestOrigin: string,
  cors: CorsOptions | undefined,
): OriginCheck {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  // A page on another site can make a browser send a GET without `Origin` (an <img>, a link), never with
  // a forged `sec-fetch-site`: refuse those (a cross-origin fetch() always sends `Origin`).
  if (origin === null && (site === "cross-site" || site === "same-site"))
    return { kind: "refused", origin: "another site" };
  if (origin === null || origin === requestOrigin) return { kind: "same-origin" };
  if (site === "same-origin") return { kind: "same-origin" };
  if (!cors) return { kind: "refused", origin };
  const allowed = typeof cors.origins === "function" ? cors.origins(origin) : cors.origins.includes(origin);
  return allowed ? { kind: "cross-origin", origin } : { kind: "refused", origin };
}

/** Adds the CORS response headers for an allowed cross-origin request (a copy when the headers are immutable). */
export function withCorsHeaders(
  response: Response,
  check: OriginCheck,
  cors: CorsOptions | undefined,
): Response {
  if (check.kind !== "cross-origin") return response;
  const headers = new Headers(response.headers);
  headers.set("access-control-allow-origin", check.origin);
  headers.append("vary", "origin");
  headers.set("access-control-expose-headers", EXPOSED_RESPONSE_HEADERS);
  if (cors?.credentials) headers.set("access-control-allow-credentials", "true");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The answer to an allowed preflight (`OPTIONS` with `access-control-request-method`). */
export function preflightResponse(
  request: Request,
  check: OriginCheck,
  cors: CorsOptions | undefined,
): Response {
  const headers = new Headers();
  if (check.kind === "cross-origin") {
    headers.set("access-control-allow-methods", "GET, POST, DELETE");
    const requested = request.headers.get("access-control-request-headers");
    if (requested) headers.set("access-control-allow-headers", requested);
    headers.set("access-control-max-age", String(cors?.maxAge ?? 600));
  }
  return withCorsHeaders(new Response(null, { status: 204, headers }), check, cors);
}
