import { isBatchResultsPath } from "./routes.js";

type JSONObject = Record<string, unknown>;

const isObject = (value: unknown): value is JSONObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A batch's `results_url` as the browser should see it: the same results path under the proxy's own
 * address. A URL on another host, or not a results path, becomes `null`, so upstream's address never
 * reaches the browser and the client never calls the API without the proxy.
 */
export function rewriteResultsUrl(value: unknown, upstreamBase: URL, publicBase: string): unknown {
  if (typeof value !== "string") return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== upstreamBase.origin) return null;
  const basePath = upstreamBase.pathname.replace(/\/+$/, "");
  if (!url.pathname.startsWith(`${basePath}/`)) return null;
  const path = url.pathname.slice(basePath.length);
  return isBatchResultsPath(path) ? `${publicBase}${path}${url.search}` : null;
}

/** Rewrites the `results_url` of a batch, or of every batch in a list page, in place. */
export function rewriteBatchBody(
  body: unknown,
  operation: string,
  upstreamBase: URL,
  publicBase: string,
): unknown {
  const batches = operation === "batches.list" && isObject(body) ? body.data : [body];
  if (!Array.isArray(batches)) return body;
  for (const batch of batches) {
    if (isObject(batch) && "results_url" in batch)
      batch.results_url = rewriteResultsUrl(batch.results_url, upstreamBase, publicBase);
  }
  return body;
}

/** Keeps only the allowed models in a `models.list` page. */
export function filterModelsBody(body: unknown, allowsModel: (model: string) => boolean): unknown {
  if (!isObject(body) || !Array.isArray(body.data)) return body;
  body.data = body.data.filter(
    (model) => isObject(model) && typeof model.id === "string" && allowsModel(model.id),
  );
  return body;
}
