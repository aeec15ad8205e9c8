import { AnthropicError } from "../errors.js";
import { parseJSONOrThrow } from "../internal/parse-json.js";
import { LineDecoder } from "./line-decoder.js";
import { decodeBody } from "./read-body.js";

/**
 * @internal Parses a body of JSON lines chunk by chunk, yielding the values each chunk completed.
 * Any chunking works (lines and characters may be split), LF, CRLF and CR end a line (see
 * {@link LineDecoder}), blank lines are skipped, a last line without a line end is parsed, and a line
 * that does not parse throws an `AnthropicError` with its line number, so no value is ever silently
 * dropped (a message stream cut inside its last line throws `StreamTruncatedError`, see `decodeBody`).
 */
export function jsonLineBatches<T>(
  body: ReadableStream | null,
  controller: AbortController,
): AsyncGenerator<T[], void, undefined> {
  const values: T[] = [];
  let lineNumber = 0;
  const lines: LineDecoder = new LineDecoder((line) => {
    lineNumber++;
    if (line.trim() === "") return;
    const ending = lines.ended ? " (the body ended inside it)" : "";
    values.push(parseJSONOrThrow(line, `line ${lineNumber}${ending}`) as T);
  });
  return decodeBody(body, controller, undefined, lines, values);
}

/**
 * Decodes a JSON Lines body (one JSON value per line), such as message batch results, as an async
 * iterable. A malformed or truncated line throws an `AnthropicError` naming its line number; breaking
 * out of `for await` aborts the request.
 *
 * @example
 * for await (const result of JSONLDecoder.fromResponse<MessageBatchIndividualResponse>(response, controller)) {
 *   console.log(result.custom_id, result.result.type);
 * }
 */
export class JSONLDecoder<T> implements AsyncIterable<T> {
  /** Aborts the request that feeds this decoder. */
  readonly controller: AbortController;
  readonly #body: ReadableStream | null;
  #consumed = false;

  constructor(body: ReadableStream | null, controller: AbortController) {
    this.#body = body;
    this.controller = controller;
  }

  static fromResponse<T>(response: Response, controller: AbortController): JSONLDecoder<T> {
    return new JSONLDecoder<T>(response.body, controller);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#consumed) throw new AnthropicError("Cannot iterate over a consumed stream.");
    this.#consumed = true;
    for await (const values of jsonLineBatches<T>(this.#body, this.controller)) {
      yield* values;
    }
  }
}
