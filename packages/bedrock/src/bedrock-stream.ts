import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  type RawMessageStreamEvent,
  readBody,
  Stream,
  StreamTruncatedError,
} from "@colloquy/client";
import { EventStreamDecoder, type EventStreamMessage } from "./event-stream-decoder.js";

const encoder = new TextEncoder();

/** The content type of a Bedrock streaming response. */
export const EVENT_STREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream";

/** Events that make up a message; anything else in a chunk (e.g. `ping`) is skipped, as on the first-party API. */
const messageEventTypes = new Set([
  "message_start",
  "message_delta",
  "message_stop",
  "content_block_start",
  "content_block_delta",
  "content_block_stop",
]);

/**
 * The Anthropic `error.type` of each Bedrock stream exception, so that the same `APIError` subclasses
 * come out as on the first-party API (`throttlingException` → `RateLimitError`, ...).
 */
const errorTypeByException: Record<string, string> = {
  throttlingException: "rate_limit_error",
  serviceUnavailableException: "overloaded_error",
  internalServerException: "api_error",
  modelStreamErrorException: "api_error",
  modelTimeoutException: "timeout_error",
  validationException: "invalid_request_error",
  accessDeniedException: "permission_error",
  resourceNotFoundException: "not_found_error",
  serviceQuotaExceededException: "rate_limit_error",
};

/** The Anthropic error type of an HTTP status that a `modelStreamErrorException` reports from the model. */
function errorTypeForStatus(status: number): string | undefined {
  if (status === 429) return "rate_limit_error";
  if (status === 529) return "overloaded_error";
  if (status === 504) return "timeout_error";
  if (status >= 500) return "api_error";
  if (status === 400) return "invalid_request_error";
  return undefined;
}

/**
 * The `APIError` for a Bedrock exception message (`:message-type: exception`): its Anthropic-shaped body
 * carries the exception's message, and `bedrock_exception` names the exception.
 */
export function bedrockExceptionError(
  exceptionType: string,
  payload: unknown,
  headers: Headers | undefined,
): APIError {
  const fields = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
  const message = typeof fields.message === "string" ? fields.message : exceptionType;
  const key = exceptionType.charAt(0).toLowerCase() + exceptionType.slice(1);
  const originalStatus =
    typeof fields.originalStatusCode === "number" ? fields.originalStatusCode : undefined;
  const type =
    (originalStatus === undefined ? undefined : errorTypeForStatus(originalStatus)) ??
    errorTypeByException[key] ??
    "api_error";
  const body = {
    type: "error",
    error: { type, message: `${exceptionType}: ${message}` },
    bedrock_exception: fields,
  };
  return APIError.generate(undefined, body, undefined, headers);
}

const textDecoder = new TextDecoder();

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function parseJSON(bytes: Uint8Array, what: string): unknown {
  const text = textDecoder.decode(bytes);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AnthropicError(
      `Could not parse the ${what} of a Bedrock stream message as JSON: ${text.slice(0, 200)}`,
      {
        cause,
      },
    );
  }
}

/**
 * Reads a Bedrock `invoke-with-response-stream` body (AWS event-stream frames whose `chunk` payloads hold
 * `{"bytes": base64(event JSON)}`) as the same typed events, with the same strictness, as
 * `Stream.fromSSEResponse`: an exception message throws its `APIError` subclass, a body that ends
 * inside a frame or before `message_stop` throws `StreamTruncatedError`, a corrupt frame throws
 * `EventStreamFramingError`, and a stall past `idleTimeoutMs` throws `APIConnectionTimeoutError`.
 */
export function bedrockEventStream<Item = RawMessageStreamEvent>(
  response: Response,
  controller: AbortController,
  idleTimeoutMs: number | undefined,
): Stream<Item> {
  async function* batches(): AsyncGenerator<Item[], void, undefined> {
    if (!response.body) {
      controller.abort();
      throw new AnthropicError("Attempted to iterate over a response with no body");
    }
    const decoder = new EventStreamDecoder();
    let started = false;
    let stopped = false;
    const toItem = (message: EventStreamMessage): Item | undefined => {
      const messageType = message.headers[":message-type"] ?? "event";
      if (messageType === "exception") {
        const exceptionType = String(message.headers[":exception-type"] ?? "internalServerException");
        throw bedrockExceptionError(exceptionType, safeParse(message.payload), response.headers);
      }
      if (messageType === "error") {
        const code = String(message.headers[":error-code"] ?? "InternalServerException");
        const text = String(message.headers[":error-message"] ?? code);
        throw bedrockExceptionError(code, { message: text }, response.headers);
      }
      if (message.headers[":event-type"] !== "chunk") return undefined;
      const envelope = parseJSON(message.payload, "chunk") as { bytes?: unknown } | null;
      if (typeof envelope?.bytes !== "string") {
        throw new AnthropicError('A Bedrock stream chunk had no "bytes" field.');
      }
      const event = parseJSON(decodeBase64(envelope.bytes), "event") as { type?: unknown } | null;
      const type = event?.type;
      if (type === "error") throw APIError.generate(undefined, event, undefined, response.headers);
      if (typeof type !== "string" || !messageEventTypes.has(type)) return undefined;
      if (type === "message_start") started = true;
      if (type === "message_stop") stopped = true;
      return event as Item;
    };

    try {
      for await (const read of readBody(response.body, controller, idleTimeoutMs)) {
        // A body of strings (some fetch shims) is re-encoded: the framing is binary.
        const chunk = typeof read === "string" ? encoder.encode(read) : read;
        const items: Item[] = [];
        let failure: unknown;
        try {
          for (const message of decoder.decode(chunk)) {
            const item = toItem(message);
            if (item !== undefined) items.push(item);
          }
        } catch (error) {
          failure = error;
        }
        // The events before a failure in the same chunk are still delivered, in order.
        if (items.length > 0) yield items;
        if (failure !== undefined) throw failure;
      }
    } catch (error) {
      // A connection lost in the middle of a message leaves the reply incomplete: say so precisely.
      if (
        started &&
        !stopped &&
        error instanceof APIConnectionError &&
        !(error instanceof APIConnectionTimeoutError)
      ) {
        const truncated = new StreamTruncatedError();
        (truncated as { cause?: unknown }).cause = error;
        throw truncated;
      }
      throw error;
    }
    if ((started && !stopped) || decoder.pendingBytes > 0) {
      throw new StreamTruncatedError(
        decoder.pendingBytes > 0
          ? { message: "The stream ended inside an event-stream frame: the reply is incomplete." }
          : {},
      );
    }
  }
  return new Stream<Item>(batches, controller);
}

function safeParse(bytes: Uint8Array): unknown {
  const text = textDecoder.decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
