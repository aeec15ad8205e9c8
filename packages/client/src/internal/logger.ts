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

/** From the quietest to the most verbose: a level writes the methods up to its own position. */
const levels: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

/**
 * The level from `logLevel`, else `ANTHROPIC_LOG`, else `debug` when `DEBUG=true`, else `warn`. A value
 * that is not a level (they are lower-case, as in the official SDK) is skipped, and `warn` is told so
 * once, naming the valid levels.
 */
export function resolveLogLevel(option: string | undefined, warn: (message: string) => void): LogLevel {
  const fromOption = parseLogLevel(option, "ClientOptions.logLevel", warn);
  if (fromOption) return fromOption;
  const fromEnv = parseLogLevel(readEnv("ANTHROPIC_LOG"), "process.env['ANTHROPIC_LOG']", warn);
  if (fromEnv) return fromEnv;
  if (readEnv("DEBUG") === "true") return "debug";
  return "warn";
}

function parseLogLevel(value: string | undefined, source: string, warn: (message: string) => void) {
  if (!value) return undefined;
  if (isLogLevel(value)) return value;
  // The official SDK's wording, word for word: a test written against it still passes.
  warn(`${source} was set to ${JSON.stringify(value)}, expected one of ${JSON.stringify(levels)}`);
  return undefined;
}

function isLogLevel(value: string): value is LogLevel {
  return (levels as readonly string[]).includes(value);
}

/**
 * Wraps a logger so that nothing below the level is written and no secret reaches it: the message and
 * every detail, nested or not, go through the redaction, and the client's own key is masked wherever
 * it appears. The level is read at each call, so that a client's `logLevel` can be changed after it is
 * made, as in the official SDK.
 */
export function makeLogger(base: Logger, level: () => LogLevel, secrets: () => string[]): Logger {
  const logger = {} as Logger;
  for (const name of levels.slice(1) as Exclude<LogLevel, "off">[]) {
    logger[name] = (...args) => {
      if (levels.indexOf(name) <= levels.indexOf(level())) {
        // Depth -1: the arguments array itself is not a level of nesting in what is logged.
        base[name](...(redactDeep(args, secrets(), -1) as [string]));
      }
    };
  }
  return logger;
}
