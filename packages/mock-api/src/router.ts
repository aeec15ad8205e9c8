import type { RouteHandler } from "./route-context.js";
import {
  batchResults,
  cancelBatch,
  createBatch,
  deleteBatch,
  listBatches,
  retrieveBatch,
} from "./routes/batches.js";
import { countTokens, createMessage } from "./routes/messages.js";
import { listModels, retrieveModel } from "./routes/models.js";

const MB = 1024 * 1024;
/** One endpoint of the API. */
export interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
  /** Largest accepted body in bytes; routes without it take no body. */
  maxBodyBytes?: number;
}

const routes: Route[] = [
  { method: "POST", pattern: /^\/v1\/messages$/, handler: createMessage, maxBodyBytes: 32 * MB },
  { method: "POST", pattern: /^\/v1\/messages\/count_tokens$/, handler: countTokens, maxBodyBytes: 32 * MB },
  { method: "GET", pattern: /^\/v1\/models$/, handler: listModels },
  { method: "GET", pattern: /^\/v1\/models\/(?<id>[^/]+)$/, handler: retrieveModel },
  { method: "POST", pattern: /^\/v1\/messages\/batches$/, handler: createBatch, maxBodyBytes: 256 * MB },
  { method: "GET", pattern: /^\/v1\/messages\/batches$/, handler: listBatches },
  { method: "GET", pattern: /^\/v1\/messages\/batches\/(?<id>[^/]+)$/, handler: retrieveBatch },
  { method: "DELETE", pattern: /^\/v1\/messages\/batches\/(?<id>[^/]+)$/, handler: deleteBatch },
  { method: "POST", pattern: /^\/v1\/messages\/batches\/(?<id>[^/]+)\/cancel$/, handler: cancelBatch },
  { method: "GET", pattern: /^\/v1\/messages\/batches\/(?<id>[^/]+)\/results$/, handler: batchResults },
];

/** Decodes a path parameter; a malformed escape stays as sent (and then matches nothing: a 404). */
function decodePathSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The route serving `method` and an API `path` (`/v1/...`), with its decoded path parameters. */
export function findRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) params[name] = decodePathSegment(value);
    return { route, params };
  }
  return undefined;
}

/** `"/api/anthropic/"` → `"/api/anthropic"`; `""` and `"/"` → `""`. */
export function normaliseBasePath(basePath: string | undefined): string {
  if (basePath === undefined) return "";
  const trimmed = basePath.trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  if (/^[a-z]+:/i.test(trimmed) || trimmed.includes("?") || trimmed.includes("#")) {
    throw new TypeError(`mock-api: basePath must be a path such as "/api/anthropic", got "${basePath}"`);
  }
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

/** The API path under `basePath` (`/v1/...`), or undefined when the request is outside it. */
export function apiPath(pathname: string, basePath: string): string | undefined {
  if (basePath !== "" && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
  return pathname.slice(basePath.length).replace(/\/+$/, "");
}
