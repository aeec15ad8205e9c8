import { headerRecord } from "../internal/header-record.js";
import type { RequestOptions } from "../request-options.js";

/** Params of calls whose only input is a path id; `betas` becomes the `anthropic-beta` header. */
export interface IDCallParams {
  betas?: string[];
}

/**
 * Accepts both call shapes of the official SDK: `(id, options)` (0.x) and `(id, params, options)` (1.x).
 * A lone second argument serves as both: its request-option keys apply, and so does its `betas` (no
 * request option is named `betas`, and the client ignores keys it does not know).
 */
export function splitArguments(
  second: IDCallParams | RequestOptions | null | undefined,
  third: RequestOptions | undefined,
): RequestOptions {
  return withBetas(third ?? (second as RequestOptions | null) ?? {}, (second as IDCallParams | null)?.betas);
}

/** Adds `betas` to the options' headers as `anthropic-beta`. */
export function withBetas(options: RequestOptions, betas: readonly string[] | undefined): RequestOptions {
  if (!betas?.length) return options;
  return { ...options, headers: { ...headerRecord(options.headers), "anthropic-beta": betas.join(",") } };
}
