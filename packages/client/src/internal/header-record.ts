import type { HeadersInit } from "../request-options.js";

/** Any form of headers as a plain record (a later duplicate name wins), so that records can be spread together. */
export function headerRecord(headers: HeadersInit | undefined): Record<string, string | null | undefined> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return headers;
}
