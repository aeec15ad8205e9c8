import type { APIPromise } from "../api-promise.js";
import { AnthropicError } from "../errors.js";
import { headerRecord } from "../internal/header-record.js";
import type { PagePromise } from "../pagination.js";
import type { HeadersInit, RequestOptions } from "../request-options.js";
import type { JSONLDecoder } from "../streaming/jsonl.js";
import type {
  BatchCreateParams,
  BetaBatchCreateParams,
  BetaBatchListParams,
  BetaBatchRetrieveParams,
  BetaParams,
  DeletedMessageBatch,
  MessageBatch,
  MessageBatchIndividualResponse,
} from "../types/index.js";
import { type ItemArguments, splitArguments, splitHeaderParams } from "./arguments.js";
import { APIResource } from "./resource.js";

/**
 * Message Batches: many Messages requests processed asynchronously at a lower price. The same class
 * serves `client.messages.batches` and `client.beta.messages.batches` (which adds the beta header).
 * Header params (`betas`, `workspace_id`, `user_profile_id`) are sent as headers, never in the body.
 * `CreateParams` types the batch: GA requests here, beta ones in `BetaBatches`.
 */
export class Batches<
  CreateParams extends BatchCreateParams = BatchCreateParams & BetaParams,
> extends APIResource {
  /** Headers added to every call of this namespace (the beta header for `beta.messages.batches`). */
  declare protected readonly namespaceHeaders: HeadersInit | undefined;

  create(params: CreateParams, options?: RequestOptions): APIPromise<MessageBatch> {
    const request = splitHeaderParams(params, options, this.namespaceHeaders);
    return this.client.post("/v1/messages/batches", { ...request.options, body: request.params });
  }

  retrieve(
    messageBatchID: string,
    ...rest: ItemArguments<BetaBatchRetrieveParams>
  ): APIPromise<MessageBatch> {
    return this.client.get(batchPath(messageBatchID), splitArguments(rest, this.namespaceHeaders));
  }

  /** Batches, newest first; `for await` walks every page. */
  list(params: BetaBatchListParams | null = {}, options?: RequestOptions): PagePromise<MessageBatch> {
    const request = splitHeaderParams(params ?? {}, options, this.namespaceHeaders);
    return this.client.getAPIList<MessageBatch>("/v1/messages/batches", {
      ...request.options,
      query: request.params,
    });
  }

  /** Starts cancelling: the batch goes to `canceling`, then `ended` with unprocessed requests `canceled`. */
  cancel(messageBatchID: string, ...rest: ItemArguments<BetaBatchRetrieveParams>): APIPromise<MessageBatch> {
    return this.client.post(
      batchPath(messageBatchID, "/cancel"),
      splitArguments(rest, this.namespaceHeaders),
    );
  }

  /** Deletes an ended batch (cancel it first while it is in progress). */
  delete(
    messageBatchID: string,
    ...rest: ItemArguments<BetaBatchRetrieveParams>
  ): APIPromise<DeletedMessageBatch> {
    return this.client.delete(batchPath(messageBatchID), splitArguments(rest, this.namespaceHeaders));
  }

  /**
   * The results of an ended batch, decoded from JSONL as they stream in; match them on `custom_id`
   * (their order is not guaranteed). Rejects with `AnthropicError` while the batch has no `results_url`.
   */
  async results(
    messageBatchID: string,
    ...rest: ItemArguments<BetaBatchRetrieveParams>
  ): Promise<JSONLDecoder<MessageBatchIndividualResponse>> {
    const batch = await this.retrieve(messageBatchID, ...rest);
    if (!batch.results_url) {
      throw new AnthropicError(
        `No results_url for batch ${batch.id} (${batch.processing_status}): not ended.`,
      );
    }
    const options = splitArguments(rest, this.namespaceHeaders);
    return this.client.get(batch.results_url, {
      ...options,
      headers: { accept: "application/binary", ...headerRecord(options.headers) },
      jsonl: true,
    });
  }
}

/** The path of one batch, followed by `action` (e.g. `/cancel`). */
function batchPath(messageBatchID: string, action = ""): string {
  return `/v1/messages/batches/${encodeURIComponent(messageBatchID)}${action}`;
}

/** `client.beta.messages.batches`: the same endpoints with `anthropic-beta: message-batches-2024-09-24`. */
export class BetaBatches extends Batches<BetaBatchCreateParams> {
  protected override readonly namespaceHeaders: HeadersInit = {
    "anthropic-beta": "message-batches-2024-09-24",
  };
}
