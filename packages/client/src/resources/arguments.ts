import { headerRecord } from "../internal/header-record.js";
import type { RequestOptions } from "../request-options.js";

/** Params of calls whose only input is a path id; `betas` becomes the `anthropic-beta` header. */
export interface IDCallParams {
  betas?: string[];
}

const optionKeys = new Set([
  "timeout",
  "maxRetries",
  "idleTimeout",
  "headers",
  "query",
  "body",
  "signal",
  "idempotencyKey",
  "fetchOptions",
  "httpAgent",
]);

/**
 * Accepts both call shapes of the official SDK: `(id, options)` (0.x) and `(id, params, options)` (1.x).
 * A lone second argument holding any request-option key is taken as options.
 */
export function splitArguments(
  second: IDCallParams | RequestOptions | null | undefined,
  third: RequestOptions | undefined,
): RequestOptions {
  const looksLikeOptions = !!second && Object.keys(second).some((key) => optionKeys.has(key));
  const params =
    third !== undefined || !looksLikeOptions ? (second as IDCallParams | null | undefined) : undefined;
  const options = (third ?? (looksLikeOptions ? second : undefined) ?? {}) as RequestOptions;
  return withBetas(options, params?.betas);
}

/** Adds `betas` to the options' headers as `anthropic-beta`. */
export function withBetas(options: RequestOptions, betas: readonly string[] | undefined): RequestOptions {
  if (!betas?.length) return options;
  return { ...options, headers: { ...headerRecord(options.headers), "anthropic-beta": betas.join(",") } };
}
