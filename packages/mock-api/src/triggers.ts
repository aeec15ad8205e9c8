import { errorTypeForStatus, statusForErrorType } from "./errors.js";
import type { ErrorType, RequestMessage } from "./types.js";

/**
 * What a request asked the mock to do, from `[[mock: …]]` directives in the last user message and from
 * the `x-mock-trigger` header. See {@link triggerDocs} for the syntax.
 */
export interface MockTriggers {
  /** Reply with exactly this many words of text. */
  words?: number;
  /** Reply with exactly this text. */
  reply?: string;
  /** Pause between stream events, in milliseconds (overrides `streamDelayMs`). */
  delayMs?: number;
  /** Call this tool (`true`: the first tool of the request). */
  tool?: string | true;
  /** Add a thinking block even when the request did not enable thinking. */
  thinking?: boolean;
  /** Answer with this HTTP error instead of a reply. */
  error?: { status: number; type: ErrorType };
  /** Value of the `retry-after` header on the error (seconds). */
  retryAfter?: string;
  /** Value of the `retry-after-ms` header on the error. */
  retryAfterMs?: string;
  /** Value of the `x-should-retry` header on the error. */
  shouldRetry?: string;
  /** Send an SSE `error` event of this type mid-stream. */
  streamError?: string;
  /** Drop the connection mid-stream. */
  drop?: boolean;
  /** Number of stream events sent before `stream-error` or `drop` happens. */
  after?: number;
  /** Only the first N attempts of an identical request fail (with `error`, default 529). */
  failTimes?: number;
  /** Time to first byte of the response, in milliseconds (overrides `latencyMs`). */
  latencyMs?: number;
  /** Entries the mock did not understand (unknown names or bad values), as written. */
  unknown?: string[];
}

/** The header a program uses to send triggers: `x-mock-trigger: error=529; words=10`. */
export const TRIGGER_HEADER = "x-mock-trigger";
/** Shorthand header for `fail-times`: `x-mock-fail-times: 2`. */
export const FAIL_TIMES_HEADER = "x-mock-fail-times";

/** Human documentation of every trigger, also printed in the README. */
export const triggerDocs: ReadonlyArray<{ syntax: string; effect: string }> = [
  { syntax: "words=N (or long = 500 words)", effect: "reply with exactly N words of text" },
  { syntax: 'reply="some text"', effect: "reply with exactly this text" },
  { syntax: "slow (or slow=MS, delay=MS)", effect: "pause 250 ms (or MS) between stream events" },
  {
    syntax: "tool (or tool=NAME)",
    effect: "call the request's first tool (or NAME, which must be one of its tools)",
  },
  { syntax: "thinking", effect: "start the reply with a thinking block and its signature" },
  {
    syntax: "error=STATUS or error=TYPE",
    effect:
      "answer with that error: 400, 401, 403, 404, 413, 429 (with retry-after), 500, 504, 529 (overloaded_error)",
  },
  {
    syntax: "retry-after=S, retry-after-ms=MS, should-retry=true|false",
    effect: "set those headers on the error",
  },
  {
    syntax: "fail-times=N",
    effect: "only the first N attempts of an identical request get the error (default 529)",
  },
  {
    syntax: "stream-error[=TYPE] [after=N]",
    effect: "send an SSE error event (default overloaded_error) after N events",
  },
  { syntax: "drop [after=N]", effect: "drop the connection after N stream events, without message_stop" },
  { syntax: "latency=MS", effect: "wait MS milliseconds before the response starts (any endpoint)" },
];

const DIRECTIVE = /\[\[?\s*mock\b\s*:?([^\]]*)\]\]?/gi;
const ENTRY = /([a-z][a-z0-9_-]*)\s*(?:[=:]\s*("[^"]*"|'[^']*'|[^\s,;"']+))?/gi;

/** Removes every `[[mock: …]]` directive from a text. */
export function stripDirectives(text: string): string {
  return text
    .replace(DIRECTIVE, "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** Parses `key=value` entries separated by spaces, commas or semicolons (a header value or a directive body). */
export function parseTriggerEntries(text: string): MockTriggers {
  const triggers: MockTriggers = {};
  const unknown: string[] = [];
  for (const match of text.matchAll(ENTRY)) {
    const key = (match[1] ?? "").toLowerCase().replaceAll("_", "-");
    const rawValue = match[2];
    const value = rawValue?.replace(/^["']|["']$/g, "");
    if (!applyEntry(triggers, key, value)) unknown.push(match[0].trim());
  }
  if (unknown.length > 0) triggers.unknown = unknown;
  return triggers;
}

function toCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? Math.floor(number) : undefined;
}

function parseError(value: string | undefined): MockTriggers["error"] {
  if (value === undefined) return { status: 500, type: "api_error" };
  const status = Number(value);
  if (Number.isInteger(status) && status >= 400 && status <= 599) {
    return { status, type: errorTypeForStatus(status) };
  }
  const type = errorTypeFromName(value);
  return type ? { status: statusForErrorType[type], type } : undefined;
}

/** Accepts `overloaded_error`, `overloaded`, `rate-limit`, … */
export function errorTypeFromName(name: string): ErrorType | undefined {
  const normalized = name.toLowerCase().replaceAll("-", "_");
  for (const type of Object.keys(statusForErrorType) as ErrorType[]) {
    if (type === normalized || type === `${normalized}_error` || type.replace(/_error$/, "") === normalized) {
      return type;
    }
  }
  return undefined;
}

/** Triggers set by an entry with a count (`words=40`). */
type CountTrigger = "words" | "delayMs" | "failTimes" | "after" | "latencyMs";
/** Triggers set by an entry with a text (`retry-after=5`). */
type TextTrigger = "reply" | "retryAfter" | "retryAfterMs" | "shouldRetry";

/**
 * Entries taking a count, by name: the trigger each sets, and what the bare name means (`slow` is
 * `delay=250`); without a `bare` count, the entry needs a count of its own.
 */
const countEntries: Readonly<Record<string, { trigger: CountTrigger; bare?: number }>> = {
  words: { trigger: "words" },
  long: { trigger: "words", bare: 500 },
  slow: { trigger: "delayMs", bare: 250 },
  delay: { trigger: "delayMs", bare: 250 },
  "fail-times": { trigger: "failTimes", bare: 1 },
  fail: { trigger: "failTimes", bare: 1 },
  after: { trigger: "after" },
  latency: { trigger: "latencyMs" },
  ttfb: { trigger: "latencyMs" },
};

/** Entries taking a text, by name, and the trigger each sets. */
const textEntries: Readonly<Record<string, TextTrigger>> = {
  reply: "reply",
  text: "reply",
  "retry-after": "retryAfter",
  "retry-after-ms": "retryAfterMs",
  "should-retry": "shouldRetry",
};

/** Applies one entry; false when the name or the value is not understood. */
function applyEntry(triggers: MockTriggers, key: string, value: string | undefined): boolean {
  const countEntry = Object.hasOwn(countEntries, key) ? countEntries[key] : undefined;
  if (countEntry) {
    const count = value === undefined ? countEntry.bare : toCount(value);
    if (count === undefined) return false;
    triggers[countEntry.trigger] = count;
    return true;
  }
  const textTrigger = Object.hasOwn(textEntries, key) ? textEntries[key] : undefined;
  if (textTrigger) {
    if (value === undefined) return false;
    triggers[textTrigger] = value;
    return true;
  }
  switch (key) {
    case "tool":
    case "tool-use":
      triggers.tool = value ?? true;
      return true;
    case "thinking":
    case "think":
      triggers.thinking = value === undefined || value !== "false";
      return true;
    case "error":
    case "status": {
      const error = parseError(value);
      if (error) triggers.error = error;
      return error !== undefined;
    }
    case "stream-error":
      triggers.streamError = value ? (errorTypeFromName(value) ?? value) : "overloaded_error";
      return true;
    case "drop":
    case "disconnect":
      triggers.drop = true;
      return true;
    default:
      return false;
  }
}

/** The text of the last user message (text blocks only), where chat users type directives. */
export function lastUserText(messages: readonly unknown[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index] as
      | Partial<RequestMessage>
      | { content?: unknown; role?: unknown }
      | undefined;
    if (message?.role !== "user") continue;
    const content = message.content as unknown;
    if (typeof content === "string") return content;
    if (!Array.isArray(content)) return "";
    return content
      .filter(
        (block): block is { type: "text"; text: string } =>
          block?.type === "text" && typeof block.text === "string",
      )
      .map((block) => block.text)
      .join("\n");
  }
  return "";
}

/** Triggers from the directives of a text: `[[mock: words=500]]`, `[mock: slow]`, … */
export function parseDirectives(text: string): MockTriggers {
  const triggers: MockTriggers = {};
  const unknown: string[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const entries = parseTriggerEntries(match[1] ?? "");
    unknown.push(...(entries.unknown ?? []));
    Object.assign(triggers, entries);
  }
  if (unknown.length > 0) triggers.unknown = unknown;
  return triggers;
}

/**
 * All triggers of a request: directives in the last user message, then the headers (which win).
 * `body` is the parsed JSON body, or undefined for requests without one.
 */
export function readTriggers(headers: Headers, body: unknown): MockTriggers {
  const messages = (body as { messages?: unknown } | undefined)?.messages;
  const fromText = Array.isArray(messages) ? parseDirectives(lastUserText(messages)) : {};
  const fromHeader = parseTriggerEntries(headers.get(TRIGGER_HEADER) ?? "");
  const triggers = { ...fromText, ...fromHeader };
  const unknown = [...(fromText.unknown ?? []), ...(fromHeader.unknown ?? [])];
  if (unknown.length > 0) triggers.unknown = unknown;
  const failTimes = toCount(headers.get(FAIL_TIMES_HEADER) ?? undefined);
  if (failTimes !== undefined) triggers.failTimes = failTimes;
  return triggers;
}
