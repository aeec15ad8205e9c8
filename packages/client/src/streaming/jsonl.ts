import { AnthropicError } from "../errors.js";
import { readBody } from "./read-body.js";

/**
 * @internal Parses a body of JSON lines chunk by chunk, yielding the values each chunk completed.
 * Any chunking works (lines and characters may be split), `\r\n` is accepted, blank lines are
 * skipped, a last line without `\n` is parsed, and a line that does not parse throws an
 * `AnthropicError` with its line number, so no value is ever silently dropped.
 */
export async function* jsonLineBatches<T>(
  body: ReadableStream,
  controller: AbortController,
): AsyncGenerator<T[], void, undefined> {
  const decoder = new TextDecoder();
  let pending = "";
  let lineNumber = 0;
  const parseLines = (text: string, atEnd: boolean): T[] => {
    const values: T[] = [];
    const lines = text.split("\n");
    const complete = atEnd ? lines.length : lines.length - 1;
    for (let index = 0; index < complete; index++) {
      lineNumber++;
      const line = lines[index]!;
      if (line.trim() === "") continue;
      try {
        values.push(JSON.parse(line) as T);
      } catch (cause) {
        const ending = atEnd && index === lines.length - 1 ? " (the body ended inside it)" : "";
        throw new AnthropicError(`Invalid JSON on line ${lineNumber}${ending}: ${(cause as Error).message}`, {
          cause,
        });
      }
    }
    pending = atEnd ? "" : lines[lines.length - 1]!;
    return values;
  };
  for await (const chunk of readBody(body, controller, undefined)) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    // Without a line end nothing completes; appending only keeps a long line linear.
    if (!text.includes("\n")) {
      pending += text;
      continue;
    }
    const values = parseLines(pending + text, false);
    if (values.length > 0) yield values;
  }
  const values = parseLines(pending + decoder.decode(), true);
  if (values.length > 0) yield values;
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
    if (!this.#body) {
      this.controller.abort();
      throw new AnthropicError("Attempted to iterate over a response with no body");
    }
    for await (const values of jsonLineBatches<T>(this.#body, this.controller)) {
      yield* values;
    }
  }
}
