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
  /** The `anthropic-workspace-id` header: the workspace the request was billed to, when the API says. */
  declare readonly workspaceID: string | null;
  /** The body's `error.type`, e.g. `overloaded_error`; `null` when the body has none, as in the official SDK. */
  declare readonly type: string | null;

  constructor(
    status: TStatus,
    error: unknown,
    message: string | undefined,
    headers: Headers | undefined,
    /**
     * Given to `Error`: its `cause`, when it has one, becomes the error's (not enumerable). Spelled out
     * rather than the global `ErrorOptions`, which TypeScript's lib has only from ES2022.
     */
    options?: { cause?: unknown },
  ) {
    const body = error as ErrorBody;
    const type = typeof body?.error?.type === "string" ? body.error.type : null;
    const detail = errorDetail(error, type, message);
    const text =
      status === undefined
        ? detail || "(no status code or body)"
        : `${status} ${detail || "status code (no body)"}`;
    super(redactSecrets(text), options);
    this.status = status;
    // Not enumerable: `util.inspect` and the like must not print raw headers (cookies, tokens).
    Object.defineProperty(this, "headers", { value: headers });
    this.error = redactDeep(error);
    this.requestID =
      headers?.get("request-id") ?? headers?.get("x-amzn-requestid") ?? body?.request_id ?? null;
    this.workspaceID = headers?.get("anthropic-workspace-id") ?? null;
    this.type = type;
  }

  /**
   * Picks the subclass for an HTTP status. A stream's `error` event has no status: its class, and a
   * status to go with it, come from the body's `error.type` (`overloaded_error` → `OverloadedError`, 529).
   */
  static generate(
    status: number | undefined,
    errorResponse: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    const code = status ?? statusOfErrorType.get((errorResponse as ErrorBody)?.error?.type);
    if (code === undefined) return new APIError(undefined, errorResponse, message, headers);
    const Class = errorClassForStatus(code);
    // `code` is the status the class was picked for.
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

/** An `APIError` subclass; its status parameter is the literal it stands for (400 for `BadRequestError`). */
type StatusErrorClass = new (
  status: never,
  error: unknown,
  message: string | undefined,
  headers: Headers | undefined,
) => APIError;

/** The subclass of `APIError` for an HTTP status. */
function errorClassForStatus(status: number): StatusErrorClass {
  if (status === 400) return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 402) return BillingError;
  if (status === 403) return PermissionDeniedError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 413) return RequestTooLargeError;
  if (status === 422) return UnprocessableEntityError;
  if (status === 429) return RateLimitError;
  if (status === 504) return GatewayTimeoutError;
  if (status === 529) return OverloadedError;
  if (status >= 500) return InternalServerError;
  return APIError;
}

/** The HTTP status that goes with each `error.type` of the API (for an error event, which has no status). */
const statusOfErrorType = new Map<unknown, number>([
  ["invalid_request_error", 400],
  ["authentication_error", 401],
  ["billing_error", 402],
  ["permission_error", 403],
  ["not_found_error", 404],
  ["conflict_error", 409],
  ["request_too_large", 413],
  ["rate_limit_error", 429],
  ["api_error", 500],
  ["timeout_error", 504],
  ["overloaded_error", 529],
]);

/** The text of an error's message after its status: the body's `type: message`, else `message`, else the body as text. */
function errorDetail(error: unknown, type: string | null, message: string | undefined): string {
  const bodyMessage = (error as ErrorBody)?.error?.message;
  if (typeof bodyMessage === "string") return type ? `${type}: ${bodyMessage}` : bodyMessage;
  if (message) return message;
  if (typeof error === "string") return error;
  if (error === null || error === undefined) return "";
  return JSON.stringify(error);
}

/** What an error body may hold; any part may be missing, or be of another type. */
type ErrorBody =
  | { error?: { type?: unknown; message?: unknown }; request_id?: string | null }
  | null
  | undefined;
