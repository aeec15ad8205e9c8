import type { CatalogModel } from "./models-catalog.js";

/** `anthropic-version` values the mock accepts. */
export const SUPPORTED_VERSIONS = ["2023-01-01", "2023-06-01", "2026-10-21"] as const;
/** The version with the stricter Messages rules (no sampling params, no assistant documents, …). */
export const CURRENT_VERSION = "2026-10-21";

/** Which endpoint the body was sent to; each accepts a different set of fields. */
export type RequestKind = "messages" | "count_tokens" | "batch_item";

/** What a validator needs besides the body: the endpoint, the API version and the served models. */
export interface ValidationContext {
  kind: RequestKind;
  version: string;
  catalog: readonly CatalogModel[];
}
