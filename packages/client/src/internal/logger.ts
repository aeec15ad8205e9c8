import { readEnv } from "./env.js";
import { redactDeep } from "./redact.js";

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with console-like methods; each receives a message and optional details. */
export interface Logger {
  debug: (message: string, ...details: unknown[]) => void;
  info: (message: string, ...details: unknown[]) => void;
  warn: (message: string, ...details: unknown[]) => void;
  error: (message: string, ...details: unknown[]) => void;
}

const rank: Record<LogLevel, number> = { off: 0, error: 200, warn: 300, info: 400, debug: 500 };

export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  return lower in rank ? (lower as LogLevel) : undefined;
}

/** The level from `logLevel`, else `ANTHROPIC_LOG`, else `debug` when `DEBUG=true`, else `warn`. */
export function resolveLogLevel(option: LogLevel | undefined): LogLevel {
  if (option) return option;
  const fromEnv = parseLogLevel(readEnv("ANTHROPIC_LOG"));
  if (fromEnv) return fromEnv;
  return readEnv("DEBUG") === "true" ? "debug" : "warn";
}

/**
 * Wraps a logger so that nothing below `level` is written and no secret reaches it: every string,
 * nested or not, goes through the redaction, and the client's own key is masked wherever it appears.
 */
export function makeLogger(base: Logger, level: LogLevel, secrets: () => string[]): Logger {
  const scrub = (value: unknown): unknown => redactDeep(value, secrets());
  const method =
    (name: Exclude<LogLevel, "off">) =>
    (message: string, ...details: unknown[]) => {
      if (rank[name] > rank[level]) return;
      base[name](scrub(message) as string, ...details.map((detail) => scrub(detail)));
    };
  return { debug: method("debug"), info: method("info"), warn: method("warn"), error: method("error") };
}
