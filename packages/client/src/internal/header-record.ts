import type { HeadersInit } from "../request-options.js";

/** Any form of headers as a plain record (a later duplicate name wins), so that records can be spread together. */
export function headerRecord(headers: HeadersInit | undefined): Record<string, string | null | undefined> {
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  return headers ?? {};
}

/** Whether `headers` set `name` (any case) to a value; `null` and `undefined` set nothing. */
export function setsHeader(headers: HeadersInit | undefined, name: string): boolean {
  return Object.entries(headerRecord(headers)).some(
    ([key, value]) => typeof value === "string" && key.toLowerCase() === name,
  );
}
