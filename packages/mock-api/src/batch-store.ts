import type { MockApiError } from "./errors.js";
import type { MockTriggers } from "./triggers.js";
import type { MessageBatch, MessageBatchRequestCounts, MessagesRequest } from "./types.js";

const DAY_MS = 86_400_000;
/** Batches expire 24 h after creation: unfinished requests then end as `expired`. */
export const BATCH_EXPIRY_MS = DAY_MS;
/** Results stay available for 29 days, then `archived_at` is set. */
export const BATCH_ARCHIVE_MS = 29 * DAY_MS;

/** One request of a batch, validated when the batch was created. */
export interface BatchItem {
  custom_id: string;
  /** The validated params, or the error that makes this request end as `errored`. */
  outcome: { request: MessagesRequest; triggers: MockTriggers } | { error: MockApiError };
}

export interface BatchRecord {
  id: string;
  /** Creation order, for newest-first listing when timestamps tie. */
  sequence: number;
  createdAt: number;
  processingMs: number;
  items: BatchItem[];
  cancelInitiatedAt: number | null;
}

export type ItemState = "processing" | "succeeded" | "errored" | "canceled" | "expired";

function iso(time: number): string {
  return new Date(time).toISOString();
}

/**
 * The batch state machine, computed from the clock on every read (no timers): request `i` of `n`
 * finishes at `createdAt + processingMs × (i + 1) / n`, so results complete progressively; the batch
 * ends when the last one finishes, or shortly after a cancel (`canceling` lasts
 * `min(processingMs / 5, 1 s)`), when not-yet-finished requests end as `canceled`.
 */
export function batchTimeline(record: BatchRecord) {
  const count = record.items.length;
  const expiresAt = record.createdAt + BATCH_EXPIRY_MS;
  const finishAt = (index: number) => record.createdAt + (record.processingMs * (index + 1)) / count;
  const naturalEnd = Math.min(record.createdAt + record.processingMs, expiresAt);
  const endAt =
    record.cancelInitiatedAt === null
      ? naturalEnd
      : Math.min(naturalEnd, record.cancelInitiatedAt + Math.min(record.processingMs / 5, 1000));
  return { expiresAt, finishAt, endAt };
}

/** The state of request `index` once the batch has ended. */
export function finalItemState(record: BatchRecord, index: number): Exclude<ItemState, "processing"> {
  const { finishAt, expiresAt } = batchTimeline(record);
  const finished = finishAt(index);
  if (finished > expiresAt) return "expired";
  if (record.cancelInitiatedAt !== null && finished > record.cancelInitiatedAt) return "canceled";
  const item = record.items[index];
  if (!item || "error" in item.outcome || item.outcome.triggers.error) return "errored";
  return "succeeded";
}

/** Whether the batch has ended at `now`. */
export function hasEnded(record: BatchRecord, now: number): boolean {
  return now >= batchTimeline(record).endAt;
}

/**
 * The public `MessageBatch` object at time `now`; `resultsBase` is the origin (and prefix) of this server.
 * With `progressiveCounts`, finished requests leave `processing` before the batch ends.
 */
export function batchView(
  record: BatchRecord,
  now: number,
  resultsBase: string,
  options: { progressiveCounts?: boolean } = {},
): MessageBatch {
  const { expiresAt, endAt, finishAt } = batchTimeline(record);
  const ended = now >= endAt;
  const counts: MessageBatchRequestCounts = {
    processing: 0,
    succeeded: 0,
    errored: 0,
    canceled: 0,
    expired: 0,
  };
  // Like the real API, requests count as processing until the whole batch has ended (unless progressive).
  for (let index = 0; index < record.items.length; index++) {
    const finished = finishAt(index);
    const settled =
      ended ||
      (options.progressiveCounts === true &&
        finished <= now &&
        (record.cancelInitiatedAt === null || finished <= record.cancelInitiatedAt));
    counts[settled ? finalItemState(record, index) : "processing"]++;
  }
  const archiveAt = record.createdAt + BATCH_ARCHIVE_MS;
  return {
    id: record.id,
    type: "message_batch",
    processing_status: ended ? "ended" : record.cancelInitiatedAt !== null ? "canceling" : "in_progress",
    request_counts: counts,
    created_at: iso(record.createdAt),
    expires_at: iso(expiresAt),
    ended_at: ended ? iso(endAt) : null,
    cancel_initiated_at: record.cancelInitiatedAt === null ? null : iso(record.cancelInitiatedAt),
    archived_at: now >= archiveAt ? iso(archiveAt) : null,
    results_url: ended ? `${resultsBase}/v1/messages/batches/${record.id}/results` : null,
  };
}

/** The batches of one mock instance. */
export class BatchStore {
  private readonly records = new Map<string, BatchRecord>();
  private sequence = 0;

  add(record: Omit<BatchRecord, "sequence">): BatchRecord {
    const stored = { ...record, sequence: this.sequence++ };
    this.records.set(stored.id, stored);
    return stored;
  }

  get(id: string): BatchRecord | undefined {
    return this.records.get(id);
  }

  delete(id: string): void {
    this.records.delete(id);
  }

  /** Every batch, newest first. */
  list(): BatchRecord[] {
    return [...this.records.values()].sort((left, right) => right.sequence - left.sequence);
  }

  clear(): void {
    this.records.clear();
    this.sequence = 0;
  }
}
