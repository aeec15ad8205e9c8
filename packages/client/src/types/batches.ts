// Wire types of /v1/messages/batches (GA paths; the beta namespace has identical shapes).
import type { Page } from "../pagination.js";
import type { Message, MessageCreateParamsNonStreaming } from "./messages.js";
import type { ErrorResponse } from "./shared.js";

/** Per-state counts of a batch's requests; they always add up to the number of requests. */
export interface MessageBatchRequestCounts {
  /** All requests count here until the whole batch ends. */
  processing: number;
  succeeded: number;
  errored: number;
  canceled: number;
  expired: number;
}

/** A Message Batch. */
export interface MessageBatch {
  /** `msgbatch_…` */
  id: string;
  type: "message_batch";
  processing_status: "in_progress" | "canceling" | "ended";
  request_counts: MessageBatchRequestCounts;
  /** RFC 3339. */
  created_at: string;
  /** RFC 3339; `created_at` + 24 h. */
  expires_at: string;
  /** RFC 3339; set when processing ends. */
  ended_at: string | null;
  /** RFC 3339; set by cancel. */
  cancel_initiated_at: string | null;
  /** RFC 3339; set when results are no longer available. */
  archived_at: string | null;
  /** Absolute URL of the JSONL results, non-null once ended; use it verbatim. */
  results_url: string | null;
}

/** Response of DELETE /v1/messages/batches/{id}. */
export interface DeletedMessageBatch {
  id: string;
  type: "message_batch_deleted";
}

/** One request of a batch. */
export interface MessageBatchRequest {
  /** Matches `^[a-zA-Z0-9_-]{1,64}$`, unique within the batch. */
  custom_id: string;
  /** A full non-streaming Messages request. */
  params: MessageCreateParamsNonStreaming;
}

/** Body of POST /v1/messages/batches. */
export interface BatchCreateParams {
  /** Up to 100,000 requests. */
  requests: MessageBatchRequest[];
  /** Header param, sent as `anthropic-user-profile-id`: applies to every request of the batch. */
  user_profile_id?: string;
  /** Header param, sent as `anthropic-workspace-id`. */
  workspace_id?: string;
}

/** Params of the calls on one batch (retrieve, cancel, delete, results): header params only. */
export interface BatchRetrieveParams {
  /** Header param, sent as `anthropic-workspace-id`. */
  workspace_id?: string;
}

/** Params of `batches.cancel()`. */
export type BatchCancelParams = BatchRetrieveParams;
/** Params of `batches.delete()`. */
export type BatchDeleteParams = BatchRetrieveParams;
/** Params of `batches.results()`. */
export type BatchResultsParams = BatchRetrieveParams;

/** Query of GET /v1/messages/batches (ID-cursor pagination, newest first). */
export interface BatchListParams {
  /**
   * Page size, 1–1000.
   * @default 20
   */
  limit?: number;
  /** Return the page just before this batch id. */
  before_id?: string;
  /** Return the page just after this batch id. */
  after_id?: string;
  /** Header param, sent as `anthropic-workspace-id` (not in the query). */
  workspace_id?: string;
}

/** The request produced a message. */
export interface MessageBatchSucceededResult {
  type: "succeeded";
  message: Message;
}

/** The request failed; `error` is a full error body. */
export interface MessageBatchErroredResult {
  type: "errored";
  error: ErrorResponse;
}

/** The batch was canceled before this request ran. */
export interface MessageBatchCanceledResult {
  type: "canceled";
}

/** The batch expired before this request ran. */
export interface MessageBatchExpiredResult {
  type: "expired";
}

/** Outcome of one batch request. */
export type MessageBatchResult =
  | MessageBatchSucceededResult
  | MessageBatchErroredResult
  | MessageBatchCanceledResult
  | MessageBatchExpiredResult;

/** One line of the JSONL results; lines are unordered, match on `custom_id`. */
export interface MessageBatchIndividualResponse {
  custom_id: string;
  result: MessageBatchResult;
}

/** Beta-namespace alias of `MessageBatch`. */
export type BetaMessageBatch = MessageBatch;
/** Beta-namespace alias of `MessageBatchRequestCounts`. */
export type BetaMessageBatchRequestCounts = MessageBatchRequestCounts;
/** Beta-namespace alias of `DeletedMessageBatch`. */
export type BetaDeletedMessageBatch = DeletedMessageBatch;
/** Beta-namespace alias of `MessageBatchResult`. */
export type BetaMessageBatchResult = MessageBatchResult;
/** Beta-namespace alias of `MessageBatchSucceededResult`. */
export type BetaMessageBatchSucceededResult = MessageBatchSucceededResult;
/** Beta-namespace alias of `MessageBatchErroredResult`. */
export type BetaMessageBatchErroredResult = MessageBatchErroredResult;
/** Beta-namespace alias of `MessageBatchCanceledResult`. */
export type BetaMessageBatchCanceledResult = MessageBatchCanceledResult;
/** Beta-namespace alias of `MessageBatchExpiredResult`. */
export type BetaMessageBatchExpiredResult = MessageBatchExpiredResult;
/** Beta-namespace alias of `MessageBatchIndividualResponse`. */
export type BetaMessageBatchIndividualResponse = MessageBatchIndividualResponse;
/** A page of `batches.list()` (official name). */
export type MessageBatchesPage = Page<MessageBatch>;
