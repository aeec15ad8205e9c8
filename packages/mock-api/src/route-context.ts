import type { BatchStore } from "./batch-store.js";
import type { IdGenerator } from "./ids.js";
import type { CatalogModel } from "./models-catalog.js";
import type { PromptCache } from "./prompt-cache.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { MockTriggers } from "./triggers.js";

/** The state of one mock instance, shared by its routes. */
export interface MockState {
  seed: string;
  streamDelayMs: number;
  batchProcessingMs: number;
  progressiveBatchCounts: boolean;
  baseURL: string | undefined;
  catalog: CatalogModel[];
  ids: IdGenerator;
  cache: PromptCache;
  batches: BatchStore;
  /** The rate limiter (replaced by `reset()`). */
  limiter: RateLimiter;
  /** How many replies each identical request (by `requestKey`) has had. */
  repeats: Map<number, number>;
  varyRepeatedRequests: boolean;
  now(): number;
}

/** What a route handler gets about the request it answers. */
export interface RouteContext {
  request: Request;
  url: URL;
  /** Path parameters, e.g. `{ id: "msgbatch_…" }`. */
  params: Record<string, string>;
  requestId: string;
  /** The `anthropic-version` header. */
  version: string;
  /** Parsed JSON body (undefined for routes without a body). */
  body: unknown;
  triggers: MockTriggers;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Origin (and path prefix) of this server, for absolute URLs such as `results_url`. */
  serverBase: string;
  /** Hash of the method, path, trigger header and body: equal for identical requests. */
  requestKey: number;
}

export type RouteHandler = (state: MockState, context: RouteContext) => Response | Promise<Response>;
