import type { APIPromise } from "../api-promise.js";
import { AnthropicError } from "../errors.js";
import { MessageStream } from "../message-stream.js";
import type { RequestOptions } from "../request-options.js";
import type { Stream } from "../streaming/stream.js";
import type {
  BetaMessageCountTokensParams,
  BetaMessageCreateParams,
  BetaMessageCreateParamsNonStreaming,
  BetaMessageCreateParamsStreaming,
  BetaMessageStreamParams,
  Message,
  MessageCreateParamsStreaming,
  MessageTokensCount,
  RawMessageStreamEvent,
} from "../types/index.js";
import { splitHeaderParams } from "./arguments.js";
import { Batches } from "./batches.js";
import { APIResource } from "./resource.js";

/**
 * `POST /v1/messages`, its streaming helper, token counting and Message Batches. Header params
 * (`betas`, `workspace_id`, `user_profile_id`) are sent as headers, never in the body.
 */
export class Messages extends APIResource {
  readonly batches: Batches = new Batches(this.client);

  /**
   * Sends a conversation and returns Claude's reply: a `Message`, or with `stream: true` a `Stream` of
   * server-sent events.
   */
  create(body: BetaMessageCreateParamsNonStreaming, options?: RequestOptions): APIPromise<Message>;
  create(
    body: BetaMessageCreateParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<Stream<RawMessageStreamEvent>>;
  create(
    body: BetaMessageCreateParams,
    options?: RequestOptions,
  ): APIPromise<Stream<RawMessageStreamEvent> | Message>;
  create(
    body: BetaMessageCreateParams,
    options: RequestOptions = {},
  ): APIPromise<Stream<RawMessageStreamEvent> | Message> {
    const request = splitHeaderParams(body, options);
    const params = request.params;
    const stream = params.stream === true;
    // As in the official SDK, a non-streaming call expected to run past 10 minutes (the default timeout;
    // about 1 hour per 128k output tokens, so past 21,333 tokens) is refused unless a timeout is set.
    if (
      !stream &&
      params.max_tokens > 21_333 &&
      (options.timeout ?? this.client._options.timeout) === undefined
    ) {
      throw new AnthropicError("Streaming is required for max_tokens over 21,333, unless a timeout is set.");
    }
    return this.client.post("/v1/messages", { ...request.options, body: params, stream });
  }

  /**
   * Streams a reply with helpers: `.on("text", ...)`, `finalMessage()`, `finalText()`, `abort()`.
   * @example
   * const stream = client.messages.stream({ model, max_tokens: 1024, messages }).on("text", console.log);
   * const message = await stream.finalMessage();
   */
  stream(body: BetaMessageStreamParams, options: RequestOptions = {}): MessageStream {
    return MessageStream.createMessage(
      (signal) =>
        this.create({ ...body, stream: true } as MessageCreateParamsStreaming, {
          ...options,
          signal,
        }).withResponse(),
      { signal: options.signal ?? undefined, params: body },
    );
  }

  /** Counts the input tokens of a request without sending it to the model. */
  countTokens(body: BetaMessageCountTokensParams, options?: RequestOptions): APIPromise<MessageTokensCount> {
    const request = splitHeaderParams(body, options);
    return this.client.post("/v1/messages/count_tokens", { ...request.options, body: request.params });
  }
}
