import { redactDeep, redactSecrets } from "./internal/redact.js";

/** The base of every error this library throws. */
export class AnthropicError extends Error {
  override name = "AnthropicError";
}

/** The API answered with an error status, or a stream carried an `error` event. */
export class APIError<TStatus extends number | undefined = number | undefined> extends AnthropicError {
  override name = "APIError";
  /** The HTTP status; `undefined` for an `error` event inside a stream that had started with 200. */
  readonly status: TStatus;
  /** The response headers, when there was a response. */
  readonly headers: Headers | undefined;
  /** The parsed error body (`{ type: "error", error: { type, message }, request_id }`), when there was one. */
  readonly error: unknown;
  /** The `request-id` header, or the body's `request_id`. */
  readonly requestID: string | null | undefined;
  /** The body's `error.type`, e.g. `overloaded_error`. */
  readonly type: string | undefined;

  constructor(status: TStatus, error: unknown, message: string | undefined, headers: Headers | undefined) {
    super(redactSecrets(APIError.makeMessage(status, error, message)));
    this.status = status;
    this.headers = headers;
    this.error = redactDeep(error);
    this.requestID =
      headers?.get("request-id") ??
      headers?.get("x-amzn-requestid") ??
      (error as ErrorBody)?.request_id ??
      null;
    this.type = errorType(error);
  }

  private static makeMessage(
    status: number | undefined,
    error: unknown,
    message: string | undefined,
  ): string {
    const detail =
      bodyMessage(error) ??
      (message || (error !== undefined && error !== null ? safeStringify(error) : undefined));
    if (status !== undefined && detail) return `${status} ${detail}`;
    if (status !== undefined) return `${status} status code (no body)`;
    return detail ?? "(no status code or body)";
  }

  /** Picks the subclass for an HTTP status, or, without a status (a stream's `error` event), for the body's `error.type`. */
  static generate(
    status: number | undefined,
    errorResponse: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    if (status === undefined) {
      const Class = classForType[errorType(errorResponse) ?? ""];
      if (Class) return new Class(Class.defaultStatus, errorResponse, message, headers);
      return new APIError(undefined, errorResponse, message, headers);
    }
    const Class = classForStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
    return new Class(status, errorResponse, message, headers);
  }

  /** The fields a log or a JSON dump may show; headers are redacted. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      type: this.type,
      requestID: this.requestID,
      error: this.error,
    };
  }
}

export class APIUserAbortError extends APIError<undefined> {
  override name = "APIUserAbortError";
  constructor({ message }: { message?: string } = {}) {
    super(undefined, undefined, message || "Request was aborted.", undefined);
  }
}

export class APIConnectionError extends APIError<undefined> {
  override name = "APIConnectionError";
  /** The message when none is given; each subclass has its own. */
  static defaultMessage = "Connection error.";
  constructor({ message, cause }: { message?: string | undefined; cause?: unknown } = {}) {
    super(undefined, undefined, message || new.target.defaultMessage, undefined);
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
  static override defaultMessage = "Request timed out.";
}

/** A stream ended before `message_stop`: the reply is incomplete and must not be taken as whole. */
export class StreamTruncatedError extends APIConnectionError {
  override name = "StreamTruncatedError";
  static override defaultMessage = "The stream ended before message_stop: the reply is incomplete.";
}

/** An `APIError` subclass for one HTTP status, as `APIError.generate` picks it. */
export interface StatusErrorClass<TStatus extends number> {
  new (
    status: TStatus,
    error: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError<TStatus>;
  /** The status given to an error of this class raised by a stream's `error` event (no HTTP status). */
  readonly defaultStatus: TStatus;
}

const classForStatus: Record<number, StatusErrorClass<number>> = {};
const classForType: Record<string, StatusErrorClass<number>> = {};

/**
 * Defines the subclass of `APIError` (or of `Base`) for a status, with its `name`, and registers it for
 * that status and for the body's `error.type` (`type`), so that `generate` finds it.
 */
function statusError<TStatus extends number>(
  name: string,
  defaultStatus: TStatus,
  type?: string,
  Base: StatusErrorClass<number> | typeof APIError = APIError,
): StatusErrorClass<TStatus> {
  const Class = class extends (Base as typeof APIError) {
    override name = name;
    static defaultStatus = defaultStatus;
  } as unknown as StatusErrorClass<number>;
  Object.defineProperty(Class, "name", { value: name });
  classForStatus[defaultStatus] = Class;
  if (type) classForType[type] = Class;
  return Class as unknown as StatusErrorClass<TStatus>;
}

export const BadRequestError = statusError("BadRequestError", 400, "invalid_request_error");
export type BadRequestError = APIError<400>;
export const AuthenticationError = statusError("AuthenticationError", 401, "authentication_error");
export type AuthenticationError = APIError<401>;
export const BillingError = statusError("BillingError", 402, "billing_error");
export type BillingError = APIError<402>;
export const PermissionDeniedError = statusError("PermissionDeniedError", 403, "permission_error");
export type PermissionDeniedError = APIError<403>;
export const NotFoundError = statusError("NotFoundError", 404, "not_found_error");
export type NotFoundError = APIError<404>;
export const ConflictError = statusError("ConflictError", 409, "conflict_error");
export type ConflictError = APIError<409>;
export const RequestTooLargeError = statusError("RequestTooLargeError", 413, "request_too_large");
export type RequestTooLargeError = APIError<413>;
export const UnprocessableEntityError = statusError("UnprocessableEntityError", 422);
export type UnprocessableEntityError = APIError<422>;
export const RateLimitError = statusError("RateLimitError", 429, "rate_limit_error");
export type RateLimitError = APIError<429>;
/** Any other status of 500 or more. */
export const InternalServerError = statusError<number>("InternalServerError", 500, "api_error");
export type InternalServerError = APIError<number>;
/** 504 `timeout_error`: the API gave up processing; retried. */
export const GatewayTimeoutError = statusError<number>(
  "GatewayTimeoutError",
  504,
  "timeout_error",
  InternalServerError,
);
export type GatewayTimeoutError = APIError<number>;
/** 529 `overloaded_error`, also raised for an `overloaded_error` event in a stream. */
export const OverloadedError = statusError<number>(
  "OverloadedError",
  529,
  "overloaded_error",
  InternalServerError,
);
export type OverloadedError = APIError<number>;

/** What an error body may hold; any part may be missing, or be of another type. */
type ErrorBody =
  | { error?: { type?: unknown; message?: unknown }; request_id?: string | null }
  | null
  | undefined;

function errorType(body: unknown): string | undefined {
  const type = (body as ErrorBody)?.error?.type;
  return typeof type === "string" ? type : undefined;
}

function bodyMessage(body: unknown): string | undefined {
  const message = (body as ErrorBody)?.error?.message;
  if (typeof message !== "string") return undefined;
  const type = errorType(body);
  return type ? `${type}: ${message}` : message;
}

function safeStringify(value: unknown): string {
  try {
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
