/** A request body ready for `fetch`, and the `content-type` header that goes with it (`undefined`: none of ours). */
export interface EncodedBody {
  body: BodyInit | undefined;
  contentType: string | undefined;
}

/**
 * Encodes the `body` request option as the official SDK does: nothing for `undefined` or `null`; binary
 * data, `Blob`/`File`, `FormData`, `URLSearchParams` and `ReadableStream` as they are (`fetch` gives them
 * their own content type); a string as it is when the caller set a `content-type`; anything else as JSON.
 */
export function encodeBody(body: unknown, callerSetsContentType: boolean): EncodedBody {
  if (body === undefined || body === null) return { body: undefined, contentType: undefined };
  if (isRawBody(body) || (typeof body === "string" && callerSetsContentType)) {
    return { body: body as BodyInit, contentType: undefined };
  }
  return { body: JSON.stringify(body), contentType: "application/json" };
}

// Every runtime the client supports (Node >= 20, Bun, Deno, workers, browsers) has these classes.
function isRawBody(body: unknown): boolean {
  return (
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof Blob ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof ReadableStream
  );
}

/** Whether `body` is a `ReadableStream`: it can be read only once, so a request sending it is never retried. */
export function isReadableStream(body: unknown): body is ReadableStream {
  return body instanceof ReadableStream;
}
