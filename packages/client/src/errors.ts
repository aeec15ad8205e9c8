import { redactDeep, redactSecrets } from "./internal/redact.js";

/** The base of every error this library throws. */
export class AnthropicError extends Error {}

/** The API answered with an error status, or a stream carried an `error` event. */
export class APIError<TStatus extends number | undefined = number | undefined> extends AnthropicError {
  /** The HTTP status; `undefined` for an `error` event inside a stream that had started with 200. */
  declare readonly status: TStatus;
  /** The response headers, when there was a response. */
  declare readonly headers: Headers | undefined;
  /** The parsed error body (`{ type: "error", error: { type, message }, request_id }`), when there was one. */
  declare readonly error: unknown;
  /** The `request-id` header, or the body's `request_id`. */
  declare readonly requestID: string | null | undefined;
  /** The body's `error.type`, e.g. `overloaded_error`. */
  declare readonly type: string | undefined;

  constructor(
    status: TStatus,
    error: unknown,
    message: string | undefined,
    headers: Headers | undefined,
    /** Given to `Error`: its `cause`, when it has one, becomes the error's (not enumerable). */
    options?: ErrorOptions,
  ) {
    const body = error as ErrorBody;
    const type = typeof body?.error?.type === "string" ? body.error.type : undefined;
    const bodyMessage = body?.error?.message;
    // The body's `type: message`, else the given message, else the body as text.
    const detail =
      typeof bodyMessage === "string"
        ? (type ? `${type}: ` : "") + bodyMessage
        : message || (typeof error === "string" ? error : error != null ? JSON.stringify(error) : "");
    super(
      redactSecrets(
        status === undefined
          ? detail || "(no status code or body)"
          : `${status} ${detail || "status code (no body)"}`,
      ),
      options,
    );
    this.status = status;
    // Not enumerable: `util.inspect` and the like must not print raw headers (cookies, tokens).
    Object.defineProperty(this, "headers", { value: headers });
    this.error = redactDeep(error);
    this.requestID =
      headers?.get("request-id") ?? headers?.get("x-amzn-requestid") ?? body?.request_id ?? null;
    this.type = type;
  }

  /** Picks the subclass for an HTTP status, or, without a status (a stream's `error` event), for the body's `error.type`. */
  static generate(
    status: number | undefined,
    errorResponse: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    const type = (errorResponse as ErrorBody)?.error?.type;
    // A stream's error event has no status: the class, and a status to go with it, come from its type.
    const [code, Class] = statusErrors.find(([entryStatus, , entryType]) =>
      status === undefined ? type && entryType === type : entryStatus === status,
    ) ?? [status, status! >= 500 ? InternalServerError : APIError];
    return new Class(code as never, errorResponse, message, headers);
  }

  /** The fields a log or a JSON dump may show: not the headers nor the cause. */
  toJSON(): Record<string, unknown> {
    // The own enumerable fields: status, error, requestID, type (headers and cause are not enumerable).
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

/** An error without a response: its message, else its class's `defaultMessage`, and what caused it. */
class ResponselessError extends APIError<undefined> {
  /** The message when none is given; each subclass has its own. */
  static defaultMessage = "Connection error.";
  constructor(options: { message?: string | undefined; cause?: unknown } = {}) {
    super(undefined, undefined, options.message || new.target.defaultMessage, undefined, options);
  }
}

export class APIUserAbortError extends ResponselessError {
  static override defaultMessage = "Request was aborted.";
}

export class APIConnectionError extends ResponselessError {}

export class APIConnectionTimeoutError extends APIConnectionError {
  static override defaultMessage = "Request timed out.";
}

/** A stream ended before `message_stop`: the reply is incomplete and must not be taken as whole. */
export class StreamTruncatedError extends APIConnectionError {
  static override defaultMessage = "The stream ended before message_stop: the reply is incomplete.";
}

export class BadRequestError extends APIError<400> {}
export class AuthenticationError extends APIError<401> {}
export class BillingError extends APIError<402> {}
export class PermissionDeniedError extends APIError<403> {}
export class NotFoundError extends APIError<404> {}
export class ConflictError extends APIError<409> {}
export class RequestTooLargeError extends APIError<413> {}
export class UnprocessableEntityError extends APIError<422> {}
export class RateLimitError extends APIError<429> {}
export class InternalServerError extends APIError<number> {}
/** 504 `timeout_error`: the API gave up processing; retried. */
export class GatewayTimeoutError extends InternalServerError {}
/** 529 `overloaded_error`, also raised for an `overloaded_error` event in a stream. */
export class OverloadedError extends InternalServerError {}

/**
 * The typed error of a request that failed with `cause`: the error its `signal` was aborted with when
 * that is an `APIConnectionTimeoutError` (one of our timers fired), else `APIUserAbortError` when it
 * was aborted (the caller's signal is linked to it), else an `APIConnectionError` with `message`.
 */
export function requestError(signal: AbortSignal, cause?: unknown, message?: string): APIError {
  if (signal.reason instanceof APIConnectionTimeoutError) return signal.reason;
  return signal.aborted ? new APIUserAbortError() : new APIConnectionError({ message, cause });
}

/**
 * Every error class by its name, which each class gets from here (on its prototype, so that stack
 * traces start with it too). The client class also exposes them as statics (`Anthropic.APIError`).
 */
export const errorClasses = {
  AnthropicError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  StreamTruncatedError,
  BadRequestError,
  AuthenticationError,
  BillingError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RequestTooLargeError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  GatewayTimeoutError,
  OverloadedError,
};
for (const [name, Class] of Object.entries(errorClasses)) Class.prototype.name = name;

type StatusErrorClass = new (
  status: number,
  error: unknown,
  message: string | undefined,
  headers: Headers | undefined,
) => APIError<number>;

/** Each subclass with its HTTP status and the body's `error.type` that map to it. */
const statusErrors = [
  [400, BadRequestError, "invalid_request_error"],
  [401, AuthenticationError, "authentication_error"],
  [402, BillingError, "billing_error"],
  [403, PermissionDeniedError, "permission_error"],
  [404, NotFoundError, "not_found_error"],
  [409, ConflictError, "conflict_error"],
  [413, RequestTooLargeError, "request_too_large"],
  [422, UnprocessableEntityError],
  [429, RateLimitError, "rate_limit_error"],
  [500, InternalServerError, "api_error"],
  [504, GatewayTimeoutError, "timeout_error"],
  [529, OverloadedError, "overloaded_error"],
] as unknown as [number, StatusErrorClass, string?][];

/** What an error body may hold; any part may be missing, or be of another type. */
type ErrorBody =
  | { error?: { type?: unknown; message?: unknown }; request_id?: string | null }
  | null
  | undefined;
