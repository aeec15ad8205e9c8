import {
  BATCH_ARCHIVE_MS,
  type BatchItem,
  type BatchRecord,
  batchView,
  finalItemState,
  hasEnded,
} from "../batch-store.js";
import { defaultErrorMessage, errorEnvelope, invalidRequest, jsonResponse, MockApiError } from "../errors.js";
import { paginate } from "../pagination.js";
import { buildMessage, generateReply } from "../reply-generator.js";
import type { MockState, RouteContext } from "../route-context.js";
import { readTriggers } from "../triggers.js";
import type { MessageBatchResult } from "../types.js";
import { validateMessagesRequest } from "../validation.js";

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_REQUESTS = 100_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function viewOptions(state: MockState) {
  return { progressiveCounts: state.progressiveBatchCounts };
}

function findBatch(state: MockState, context: RouteContext): BatchRecord {
  const id = context.params.id ?? "";
  const record = state.batches.get(id);
  if (!record) throw new MockApiError("not_found_error", `message_batch_id: no batch with id '${id}'`);
  return record;
}

/**
 * `POST /v1/messages/batches`. A malformed list (bad or duplicate `custom_id`, missing `params`) rejects
 * the whole batch; a request whose params fail Messages validation is accepted and ends as `errored`.
 */
export function createBatch(state: MockState, context: RouteContext): Response {
  const body = context.body;
  if (!isObject(body)) throw invalidRequest("body: Input should be a valid dictionary or object");
  for (const key of Object.keys(body)) {
    if (key !== "requests") throw invalidRequest(`${key}: Extra inputs are not permitted`);
  }
  if (body.requests === undefined) throw invalidRequest("requests: Field required");
  if (!Array.isArray(body.requests)) throw invalidRequest("requests: Input should be a valid list");
  if (body.requests.length === 0) throw invalidRequest("requests: List should have at least 1 item");
  if (body.requests.length > MAX_REQUESTS) {
    throw invalidRequest(`requests: List should have at most ${MAX_REQUESTS} items`);
  }
  const seen = new Set<string>();
  const items = body.requests.map((entry, index): BatchItem => {
    const path = `requests.${index}`;
    if (!isObject(entry)) throw invalidRequest(`${path}: Input should be a valid dictionary or object`);
    for (const key of Object.keys(entry)) {
      if (key !== "custom_id" && key !== "params")
        throw invalidRequest(`${path}.${key}: Extra inputs are not permitted`);
    }
    const customId = entry.custom_id;
    if (typeof customId !== "string" || !CUSTOM_ID.test(customId)) {
      throw invalidRequest(`${path}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
    }
    if (seen.has(customId))
      throw invalidRequest(`${path}.custom_id: custom_id '${customId}' is used more than once`);
    seen.add(customId);
    if (!isObject(entry.params))
      throw invalidRequest(`${path}.params: Input should be a valid dictionary or object`);
    try {
      const request = validateMessagesRequest(entry.params, {
        kind: "batch_item",
        version: context.version,
        catalog: state.catalog,
      });
      return {
        custom_id: customId,
        outcome: { request, triggers: readTriggers(new Headers(), entry.params) },
      };
    } catch (error) {
      if (error instanceof MockApiError) return { custom_id: customId, outcome: { error } };
      throw error;
    }
  });
  const record = state.batches.add({
    id: state.ids.next("batch"),
    createdAt: state.now(),
    processingMs: state.batchProcessingMs,
    items,
    cancelInitiatedAt: null,
  });
  return jsonResponse(batchView(record, state.now(), context.serverBase, viewOptions(state)));
}

/** `GET /v1/messages/batches/{id}`. */
export function retrieveBatch(state: MockState, context: RouteContext): Response {
  return jsonResponse(
    batchView(findBatch(state, context), state.now(), context.serverBase, viewOptions(state)),
  );
}

/** `GET /v1/messages/batches`: newest first, paginated. */
export function listBatches(state: MockState, context: RouteContext): Response {
  const now = state.now();
  const views = state.batches
    .list()
    .map((record) => batchView(record, now, context.serverBase, viewOptions(state)));
  return jsonResponse(paginate(views, context.url.searchParams));
}

/** `POST /v1/messages/batches/{id}/cancel`: `in_progress` → `canceling`; an ended batch cannot be canceled. */
export function cancelBatch(state: MockState, context: RouteContext): Response {
  const record = findBatch(state, context);
  const now = state.now();
  if (hasEnded(record, now)) {
    throw invalidRequest(`message batch '${record.id}' has already ended and cannot be canceled`);
  }
  if (record.cancelInitiatedAt === null) record.cancelInitiatedAt = now;
  return jsonResponse(batchView(record, now, context.serverBase, viewOptions(state)));
}

/** `DELETE /v1/messages/batches/{id}`: only once the batch has ended (cancel it first). */
export function deleteBatch(state: MockState, context: RouteContext): Response {
  const record = findBatch(state, context);
  if (!hasEnded(record, state.now())) {
    throw invalidRequest(
      `message batch '${record.id}' cannot be deleted while it is processing; cancel it and wait until it has ended`,
    );
  }
  state.batches.delete(record.id);
  return jsonResponse({ id: record.id, type: "message_batch_deleted" });
}

function itemResult(state: MockState, record: BatchRecord, index: number): MessageBatchResult {
  const item = record.items[index];
  const status = finalItemState(record, index);
  if (status === "canceled" || status === "expired") return { type: status };
  if (!item) return { type: "expired" };
  if ("error" in item.outcome) {
    const { error } = item.outcome;
    return { type: "errored", error: errorEnvelope(error.type, error.message, null, error.details) };
  }
  const { request, triggers } = item.outcome;
  if (triggers.error) {
    const { type } = triggers.error;
    return { type: "errored", error: errorEnvelope(type, defaultErrorMessage(type), null) };
  }
  let toolUses = 0;
  const key = `${record.id}:${item.custom_id}`;
  const plan = generateReply(request, {
    seed: state.seed,
    now: record.createdAt,
    triggers,
    nextToolUseId: () => state.ids.derived("toolUse", `${key}:${toolUses++}`),
  });
  const message = buildMessage(plan, {
    id: state.ids.derived("message", key),
    model: request.model,
    input: state.cache.usageFor(request, { record: false }),
    serviceTier: "batch",
  });
  return { type: "succeeded", message };
}

/** `GET /v1/messages/batches/{id}/results`: one JSON line per request, no blank lines. */
export function batchResults(state: MockState, context: RouteContext): Response {
  const record = findBatch(state, context);
  const now = state.now();
  if (!hasEnded(record, now)) {
    throw invalidRequest(
      `message batch '${record.id}' is still processing; results are available once it has ended`,
    );
  }
  if (now >= record.createdAt + BATCH_ARCHIVE_MS) {
    throw new MockApiError("not_found_error", `results of message batch '${record.id}' have been archived`);
  }
  const lines = record.items.map((item, index) =>
    JSON.stringify({ custom_id: item.custom_id, result: itemResult(state, record, index) }),
  );
  return new Response(`${lines.join("\n")}\n`, {
    status: 200,
    headers: { "content-type": "application/binary" },
  });
}
