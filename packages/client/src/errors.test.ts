import { describe, expect, it } from "vitest";
import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BillingError,
  ConflictError,
  errorClasses,
  GatewayTimeoutError,
  InternalServerError,
  NotFoundError,
  OverloadedError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  StreamTruncatedError,
  UnprocessableEntityError,
} from "./errors.js";

const body = (type: string, message = "boom") => ({
  type: "error",
  error: { type, message },
  request_id: "req_body",
});

/** The error `APIError.generate` makes of a JSON error body of this type, without headers. */
const fromBody = (status: number | undefined, type: string, message?: string) =>
  APIError.generate(status, body(type, message), undefined, undefined);

describe("error classes", () => {
  it("each is named after itself, first line of its stack included", () => {
    for (const [name, Class] of Object.entries(errorClasses)) {
      const error = Object.create(Class.prototype) as Error;
      expect(error.name, name).toBe(name);
    }
    const error = new RateLimitError(429, undefined, "slow down", undefined);
    expect(error.name).toBe("RateLimitError");
    expect(error.stack?.split("\n")[0]).toBe("RateLimitError: 429 slow down");
    expect(new APIConnectionTimeoutError().stack?.split("\n")[0]).toBe(
      "APIConnectionTimeoutError: Request timed out.",
    );
  });
});

describe("APIError.generate", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [422, UnprocessableEntityError, "UnprocessableEntityError"],
    [413, RequestTooLargeError, "RequestTooLargeError"],
    [418, APIError, "APIError"],
    [429, RateLimitError, "RateLimitError"],
    [500, InternalServerError, "InternalServerError"],
    [502, InternalServerError, "InternalServerError"],
    [504, GatewayTimeoutError, "GatewayTimeoutError"],
    [529, OverloadedError, "OverloadedError"],
  ])("maps status %i to its class", (status, Class, name) => {
    const headers = new Headers({ "request-id": "req_header" });
    const error = APIError.generate(status, body("x"), undefined, headers);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.headers).toBe(headers);
    expect(error.requestID).toBe("req_header");
    expect(error.error).toEqual(body("x"));
  });

  it("an overloaded_error event without a status becomes a 529-like OverloadedError", () => {
    const error = fromBody(undefined, "overloaded_error", "Overloaded");
    expect(error).toBeInstanceOf(OverloadedError);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(529);
    expect(error.type).toBe("overloaded_error");
    expect(error.requestID).toBe("req_body");
    expect(error.message).toContain("Overloaded");
  });

  it.each([
    ["invalid_request_error", BadRequestError, 400],
    ["billing_error", BillingError, 402],
    ["not_found_error", NotFoundError, 404],
    ["rate_limit_error", RateLimitError, 429],
    ["api_error", InternalServerError, 500],
    ["timeout_error", GatewayTimeoutError, 504],
  ])(
    "an error event of type %s without a status becomes %o with that type's status",
    (type, Class, status) => {
      const error = fromBody(undefined, type);
      expect(error.constructor).toBe(Class);
      expect(error.status).toBe(status);
    },
  );

  it("has type null, as the official SDK, when the body carries no error type", () => {
    expect(APIError.generate(502, undefined, "<html>Bad gateway</html>", undefined).type).toBeNull();
    expect(APIError.generate(400, { error: { message: "no type" } }, undefined, undefined).type).toBeNull();
    expect(new APIConnectionError().type).toBeNull();
    expect(fromBody(400, "invalid_request_error").type).toBe("invalid_request_error");
  });

  it("reads the workspace of the request from the anthropic-workspace-id header", () => {
    const headers = new Headers({ "request-id": "req_1", "anthropic-workspace-id": "wrkspc_01" });
    expect(APIError.generate(429, body("rate_limit_error"), undefined, headers).workspaceID).toBe(
      "wrkspc_01",
    );
    expect(APIError.generate(429, body("rate_limit_error"), undefined, new Headers()).workspaceID).toBeNull();
  });

  it("an unknown error type without a status stays a plain APIError", () => {
    const error = fromBody(undefined, "brand_new_error");
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBeUndefined();
    expect(error.type).toBe("brand_new_error");
  });

  it("puts the body's type and message in the error message", () => {
    const error = fromBody(400, "invalid_request_error", "max_tokens: Field required");
    expect(error.message).toBe("400 invalid_request_error: max_tokens: Field required");
  });

  it("uses the raw text when the body is not JSON", () => {
    const error = APIError.generate(502, undefined, "<html>Bad gateway</html>", undefined);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe("502 <html>Bad gateway</html>");
  });

  it("redacts keys and bearer tokens that appear in a message", () => {
    const error = fromBody(401, "authentication_error", "invalid x-api-key sk-ant-api03-abcdefSECRET");
    expect(error.message).not.toContain("SECRET");
    expect(JSON.stringify(error)).not.toContain("SECRET");
    const bearer = APIError.generate(400, undefined, "header was Bearer tok_SECRET123", undefined);
    expect(bearer.message).not.toContain("SECRET");
  });
});

describe("connection errors", () => {
  it("form a hierarchy under APIError with no status", () => {
    const timeout = new APIConnectionTimeoutError();
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(timeout.status).toBeUndefined();
    expect(timeout.message).toBe("Request timed out.");
    expect(new StreamTruncatedError()).toBeInstanceOf(APIConnectionError);
    expect(new APIUserAbortError().message).toBe("Request was aborted.");
  });

  it("keep the original failure as cause", () => {
    const cause = new TypeError("fetch failed");
    expect(new APIConnectionError({ cause }).cause).toBe(cause);
  });

  it("show their fields as JSON, without the headers or the cause", () => {
    const cause = Object.assign(new TypeError("fetch failed"), { detail: "tok_SECRET" });
    expect(JSON.parse(JSON.stringify(new APIConnectionError({ cause })))).toEqual({
      name: "APIConnectionError",
      message: "Connection error.",
      error: undefined,
      requestID: null,
      workspaceID: null,
      type: null,
    });
    const headers = new Headers({ "request-id": "req_1", "set-cookie": "session=SECRET" });
    const error = APIError.generate(429, body("rate_limit_error", "slow"), undefined, headers);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "RateLimitError",
      message: "429 rate_limit_error: slow",
      status: 429,
      type: "rate_limit_error",
      requestID: "req_1",
      workspaceID: null,
      error: body("rate_limit_error", "slow"),
    });
  });
});
