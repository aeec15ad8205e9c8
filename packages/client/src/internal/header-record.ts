import type { HeadersInit } from "../request-options.js";

/** Any form of headers as a plain record (a later duplicate name wins), so that records can be spread together. */
export function headerRecord(headers: HeadersInit | undefined): Record<string, string | null | undefined> {
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  return headers ?? {};
}
