import { headerRecord } from "../internal/header-record.js";
import type { HeadersInit, RequestOptions } from "../request-options.js";
import type { BetaParams } from "../types/index.js";

/**
 * Params that the official 1.x types list beside body and query fields but that travel as headers:
 * `betas` as `anthropic-beta`, `workspace_id` as `anthropic-workspace-id` and `user_profile_id` as
 * `anthropic-user-profile-id`. Every method takes them out of its params.
 */
export interface HeaderParams extends BetaParams {
  workspace_id?: string | null;
  user_profile_id?: string | null;
}

/**
 * Splits the header params off `params`: gives the rest (the body or the query) and `options` with
 * their headers. The headers apply in this order: `namespaceHeaders` (a beta namespace's own), the
 * header params, then the call's own `headers`, which win; except `anthropic-beta`, where every value
 * is kept, comma-joined, each beta once (a call's `null` still removes the header).
 */
export function splitHeaderParams<Params extends HeaderParams>(
  params: Params,
  options: RequestOptions = {},
  namespaceHeaders?: HeadersInit,
): { params: Omit<Params, keyof HeaderParams>; options: RequestOptions } {
  const { betas, workspace_id, user_profile_id, ...rest } = params;
  const fromParams = {
    "anthropic-beta": betas?.length ? betas.join(",") : undefined,
    "anthropic-workspace-id": workspace_id ?? undefined,
    "anthropic-user-profile-id": user_profile_id ?? undefined,
  };
  const headers: Record<string, string | null> = {};
  for (const source of [namespaceHeaders, fromParams, options.headers]) {
    for (const [name, value] of Object.entries(headerRecord(source))) {
      const key = name.toLowerCase();
      const earlier = headers[key];
      if (value === undefined) continue;
      // Both lists of betas, each beta once, in order.
      headers[key] =
        key === "anthropic-beta" && value && earlier
          ? [...new Set(`${earlier},${value}`.split(/\s*,\s*/))].join(",")
          : value;
    }
  }
  return { params: rest, options: { ...options, headers } };
}

/**
 * What a call on one item (a batch, a model) takes after the item's id, in either call shape of the
 * official SDK: `(params, options)` (1.x) or `(options)` (0.x).
 */
export type ItemArguments<Params extends HeaderParams> = [
  params?: Params | RequestOptions | null,
  options?: RequestOptions,
];

/**
 * The request options of a call on one item, from its {@link ItemArguments} in either call shape. A lone
 * second argument serves as both: its request-option keys apply, and so do its header params (no request
 * option has their names, and the client ignores keys it does not know).
 */
export function splitArguments(
  [params, options]: ItemArguments<HeaderParams>,
  namespaceHeaders?: HeadersInit,
): RequestOptions {
  const requestOptions = options ?? (params as RequestOptions | null) ?? {};
  return splitHeaderParams((params ?? {}) as HeaderParams, requestOptions, namespaceHeaders).options;
}
