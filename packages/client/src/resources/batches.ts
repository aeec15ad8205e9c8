import type { APIPromise } from "../api-promise.js";
import { AnthropicError } from "../errors.js";
import { headerRecord } from "../internal/header-record.js";
import type { PagePromise } from "../pagination.js";
import type { HeadersInit, RequestOptions } from "../request-options.js";
import type { JSONLDecoder } from "../streaming/jsonl.js";
import type {
  BatchCreateParams,
  BatchListParams,
  DeletedMessageBatch,
  MessageBatch,
  MessageBatchIndividualResponse,
} from "../types/index.js";
import { type IDCallParams, splitArguments, withBetas } from "./arguments.js";
import { APIResource } from "./resource.js";

/**
 * Message Batches: many Messages requests processed asynchronously at a lower price. The same class
 * serves `client.messages.batches` and `client.beta.messages.batches` (which adds the beta header).
 */
export class Batches extends APIResource {
  /** Headers added to every call of this namespace (the beta header for `beta.messages.batches`). */
  declare protected readonly namespaceHeaders: HeadersInit | undefined;

  create(body: BatchCreateParams, options?: RequestOptions): APIPromise<MessageBatch> {
    return this.client.post("/v1/messages/batches", this.#withHeaders({ ...options, body }));
  }

  retrieve(
    messageBatchID: string,
    params?: IDCallParams | RequestOptions | null,
    options?: RequestOptions,
  ): APIPromise<MessageBatch> {
    return this.client.get(
      `/v1/messages/batches/${encodeURIComponent(messageBatchID)}`,
      this.#withHeaders(splitArguments(params, options)),
    );
  }

  /** Batches, newest first; `for await` walks every page. */
  list(query: BatchListParams | null = {}, options?: RequestOptions): PagePromise<MessageBatch> {
    const { betas, ...rest } = (query ?? {}) as BatchListParams & IDCallParams;
    return this.client.getAPIList<MessageBatch>(
      "/v1/messages/batches",
      this.#withHeaders(withBetas({ ...options, query: rest }, betas)),
    );
  }

  /** Starts cancelling: the batch goes to `canceling`, then `ended` with unprocessed requests `canceled`. */
  cancel(
    messageBatchID: string,
    params?: IDCallParams | RequestOptions | null,
    options?: RequestOptions,
  ): APIPromise<MessageBatch> {
    return this.client.post(
      `/v1/messages/batches/${encodeURIComponent(messageBatchID)}/cancel`,
      this.#withHeaders(splitArguments(params, options)),
    );
  }

  /** Deletes an ended batch (cancel it first while it is in progress). */
  delete(
    messageBatchID: string,
    params?: IDCallParams | RequestOptions | null,
    options?: RequestOptions,
  ): APIPromise<DeletedMessageBatch> {
    return this.client.delete(
      `/v1/messages/batches/${encodeURIComponent(messageBatchID)}`,
      this.#withHeaders(splitArguments(params, options)),
    );
  }

  /**
   * The results of an ended batch, decoded from JSONL as they stream in; match them on `custom_id`
   * (their order is not guaranteed). Rejects with `AnthropicError` while the batch has no `results_url`.
   */
  async results(
    messageBatchID: string,
    params?: IDCallParams | RequestOptions | null,
    third?: RequestOptions,
  ): Promise<JSONLDecoder<MessageBatchIndividualResponse>> {
    const options = splitArguments(params, third);
    const batch = await this.retrieve(messageBatchID, options);
    if (!batch.results_url) {
      throw new AnthropicError(
        `No results_url for batch ${batch.id} (${batch.processing_status}): not ended.`,
      );
    }
    return this.client.get(
      batch.results_url,
      this.#withHeaders({
        ...options,
        headers: { accept: "application/binary", ...headerRecord(options.headers) },
        jsonl: true,
      }),
    );
  }

  /** The namespace headers, overridden by the call's own. */
  #withHeaders(options: RequestOptions): RequestOptions {
    return {
      ...options,
      headers: { ...headerRecord(this.namespaceHeaders), ...headerRecord(options.headers) },
    };
  }
}

/** `client.beta.messages.batches`: the same endpoints with `anthropic-beta: message-batches-2024-09-24`. */
export class BetaBatches extends Batches {
  protected override readonly namespaceHeaders: HeadersInit = {
    "anthropic-beta": "message-batches-2024-09-24",
  };
}
