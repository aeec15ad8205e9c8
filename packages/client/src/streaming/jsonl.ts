import { jsonLineBatches } from "./read-body.js";
import { Stream } from "./stream.js";

/**
 * Decodes a JSON Lines body (one JSON value per line), such as message batch results, as an async
 * iterable: a {@link Stream} of the values. A malformed or truncated line throws an `AnthropicError`
 * naming its line number; breaking out of `for await` aborts the request.
 *
 * @example
 * for await (const result of JSONLDecoder.fromResponse<MessageBatchIndividualResponse>(response, controller)) {
 *   console.log(result.custom_id, result.result.type);
 * }
 */
export class JSONLDecoder<T> extends Stream<T> {
  static fromResponse<T>(response: Response, controller: AbortController): JSONLDecoder<T> {
    return new JSONLDecoder<T>(() => jsonLineBatches<T>(response.body, controller), controller);
  }
}
