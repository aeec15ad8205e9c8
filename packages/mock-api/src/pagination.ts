import { invalidRequest } from "./errors.js";
import type { Page } from "./types.js";

/**
 * One page of an ID-cursor list (Models, Message Batches). `items` are newest first. `after_id` returns the
 * items after that id, `before_id` those immediately before it; `limit` is 1–1000 (default 20).
 */
export function paginate<T extends { id: string }>(items: readonly T[], query: URLSearchParams): Page<T> {
  const limitText = query.get("limit");
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw invalidRequest(
      `limit: Input should be an integer between 1 and 1000, got ${JSON.stringify(limitText)}`,
    );
  }
  const afterId = query.get("after_id");
  const beforeId = query.get("before_id");
  if (afterId && beforeId) throw invalidRequest("Only one of `before_id` and `after_id` may be given.");

  let data: T[];
  let hasMore: boolean;
  if (beforeId) {
    const end = items.findIndex((item) => item.id === beforeId);
    const stop = end === -1 ? 0 : end;
    const start = Math.max(0, stop - limit);
    data = items.slice(start, stop);
    hasMore = start > 0;
  } else {
    const index = afterId ? items.findIndex((item) => item.id === afterId) : -1;
    const start = afterId ? (index === -1 ? items.length : index + 1) : 0;
    data = items.slice(start, start + limit);
    hasMore = start + limit < items.length;
  }
  return {
    data,
    has_more: hasMore,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
  };
}
