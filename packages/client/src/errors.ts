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
      headers?.get("request-id") ?? headers?.get("x-amzn-requestid") ?? bodyField(error, "request_id") ?? null;
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
      const byType = errorType(errorResponse);
      const Class = byType ? classForType[byType] : undefined;
      if (Class) return new Class(Class.defaultStatus as never, errorResponse, message, headers) as APIError;
      return new APIError(undefined, errorResponse, message, headers);
    }
    const Class = classForStatus(status);
    return new Class(status as never, errorResponse, message, headers) as APIError;
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
  constructor({ message, cause }: { message?: string | undefined; cause?: unknown } = {}) {
    super(undefined, undefined, message || "Connection error.", undefined);
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
  constructor({ message }: { message?: string } = {}) {
    super({ message: message ?? "Request timed out." });
  }
}

/** A stream ended before `message_stop`: the reply is incomplete and must not be taken as whole. */
export class StreamTruncatedError extends APIConnectionError {
  override name = "StreamTruncatedError";
  constructor({ message }: { message?: string } = {}) {
    super({ message: message ?? "The stream ended before message_stop: the reply is incomplete." });
  }
}

export class BadRequestError extends APIError<400> {
  override name = "BadRequestError";
  static defaultStatus = 400;
}
export class AuthenticationError extends APIError<401> {
  override name = "AuthenticationError";
  static defaultStatus = 401;
}
export class BillingError extends APIError<402> {
  override name = "BillingError";
  static defaultStatus = 402;
}
export class PermissionDeniedError extends APIError<403> {
  override name = "PermissionDeniedError";
  static defaultStatus = 403;
}
export class NotFoundError extends APIError<404> {
  override name = "NotFoundError";
  static defaultStatus = 404;
}
export class ConflictError extends APIError<409> {
  override name = "ConflictError";
  static defaultStatus = 409;
}
export class RequestTooLargeError extends APIError<413> {
  override name = "RequestTooLargeError";
  static defaultStatus = 413;
}
export class UnprocessableEntityError extends APIError<422> {
  override name = "UnprocessableEntityError";
  static defaultStatus = 422;
}
export class RateLimitError extends APIError<429> {
  override name = "RateLimitError";
  static defaultStatus = 429;
}
export class InternalServerError extends APIError<number> {
  override name = "InternalServerError";
  static defaultStatus = 500;
}
/** 504 `timeout_error`: the API gave up processing; retried. */
export class GatewayTimeoutError extends InternalServerError {
  override name = "GatewayTimeoutError";
  static override defaultStatus = 504;
}
/** 529 `overloaded_error`, also raised for an `overloaded_error` event in a stream. */
export class OverloadedError extends InternalServerError {
  override name = "OverloadedError";
  static override defaultStatus = 529;
}

type APIErrorClass = (new (
  status: never,
  error: unknown,
  message: string | undefined,
  headers: Headers | undefined,
) => APIError<number>) & { defaultStatus: number };

const classForType: Record<string, APIErrorClass> = {
  invalid_request_error: BadRequestError,
  authentication_error: AuthenticationError,
  billing_error: BillingError,
  permission_error: PermissionDeniedError,
  not_found_error: NotFoundError,
  conflict_error: ConflictError,
  request_too_large: RequestTooLargeError,
  rate_limit_error: RateLimitError,
  api_error: InternalServerError,
  timeout_error: GatewayTimeoutError,
  overloaded_error: OverloadedError,
};

function classForStatus(
  status: number,
): new (
  status: never,
  error: unknown,
  message: string | undefined,
  headers: Headers | undefined,
) => APIError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 402:
      return BillingError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 413:
      return RequestTooLargeError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    case 504:
      return GatewayTimeoutError;
    case 529:
      return OverloadedError;
  }
  return status >= 500 ? InternalServerError : APIError;
}

function errorType(body: unknown): string | undefined {
  const inner = bodyField<unknown>(body, "error");
  const type = bodyField<unknown>(inner, "type");
  return typeof type === "string" ? type : undefined;
}

function bodyMessage(body: unknown): string | undefined {
  const inner = bodyField<unknown>(body, "error");
  const message = bodyField<unknown>(inner, "message");
  if (typeof message !== "string") return undefined;
  const type = errorType(body);
  return type ? `${type}: ${message}` : message;
}

function bodyField<T = string>(body: unknown, key: string): T | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  return (body as Record<string, T>)[key];
}

function safeStringify(value: unknown): string {
  try {
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
