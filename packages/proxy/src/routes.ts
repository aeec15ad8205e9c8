/** The groups of API routes a proxy can open to the browser. */
export type ProxyRoute = "messages" | "count_tokens" | "models" | "batches";

/** Every route group, the default allow-list. Nothing outside these is ever forwarded. */
export const ALL_ROUTES: readonly ProxyRoute[] = ["messages", "count_tokens", "models", "batches"];

/** What a request path resolved to: its route group, the kind of call, and the path sent upstream. */
export interface MatchedRoute {
  route: ProxyRoute;
  /** The call, e.g. `messages.create` or `batches.results`. */
  operation: string;
  /** The path to send upstream, starting with `/v1/`. */
  path: string;
  /** The model or batch id in the path, when there is one. */
  id?: string;
}

/**
 * An id as the API spells them (`claude-sonnet-4-6`, `msgbatch_01…`): letters, digits, `_ . : -`, starting
 * with a letter or digit. That excludes empty segments, `.` and `..`, and every `%` escape.
 */
const ID = "([A-Za-z0-9][A-Za-z0-9_.:-]{0,255})";

const table: ReadonlyArray<{ method: string; pattern: RegExp; route: ProxyRoute; operation: string }> = [
  { method: "POST", pattern: /^\/v1\/messages$/, route: "messages", operation: "messages.create" },
  {
    method: "POST",
    pattern: /^\/v1\/messages\/count_tokens$/,
    route: "count_tokens",
    operation: "messages.countTokens",
  },
  { method: "GET", pattern: /^\/v1\/models$/, route: "models", operation: "models.list" },
  { method: "GET", pattern: new RegExp(`^/v1/models/${ID}$`), route: "models", operation: "models.retrieve" },
  { method: "POST", pattern: /^\/v1\/messages\/batches$/, route: "batches", operation: "batches.create" },
  { method: "GET", pattern: /^\/v1\/messages\/batches$/, route: "batches", operation: "batches.list" },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/messages/batches/${ID}$`),
    route: "batches",
    operation: "batches.retrieve",
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/messages/batches/${ID}$`),
    route: "batches",
    operation: "batches.delete",
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/messages/batches/${ID}/cancel$`),
    route: "batches",
    operation: "batches.cancel",
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/messages/batches/${ID}/results$`),
    route: "batches",
    operation: "batches.results",
  },
];

/**
 * Matches a method and a path (already without the proxy's prefix) against the allowed routes. The path
 * must be spelled exactly as the API's routes are: no dot segments, no `%` escapes, no doubled slashes.
 * Anything else is `undefined`, so it is answered 404 and never forwarded.
 */
export function matchRoute(
  method: string,
  path: string,
  allowed: readonly ProxyRoute[],
): MatchedRoute | undefined {
  for (const entry of table) {
    if (entry.method !== method || !allowed.includes(entry.route)) continue;
    const match = entry.pattern.exec(path);
    if (!match) continue;
    const id = match[1];
    return id === undefined
      ? { route: entry.route, operation: entry.operation, path }
      : { route: entry.route, operation: entry.operation, path, id };
  }
  return undefined;
}

/** Whether the path is one of the batch results paths, for rewriting a batch's `results_url`. */
export function isBatchResultsPath(path: string): boolean {
  return matchRoute("GET", path, ["batches"])?.operation === "batches.results";
}
