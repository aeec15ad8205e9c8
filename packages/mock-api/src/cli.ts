#!/usr/bin/env node
import { type StartMockApiOptions, startMockApi } from "./node.js";

const usage = `Usage: colloquy-mock-api [options]

  --port N                      port to listen on (default 4010; 0 picks a free port)
  --host H                      interface to bind (default 127.0.0.1)
  --stream-delay-ms N           pause between stream events (default 25)
  --batch-processing-ms N       how long a batch stays in progress (default 5000)
  --progressive-batch-counts    move request_counts as each request finishes (the real API waits for the end)
  --api-key KEY                 accept only this key (default: any non-empty key)
  --seed S                      seed of ids and replies
  --base-path P                 serve the API under this path prefix, e.g. /api/anthropic
  --latency-ms N                time to first byte of every response (default 0)
  --latency-jitter-ms N         add 0..N ms to each latency, drawn from the seed (default 0)
  --requests-per-minute N       enforce a requests-per-minute budget (429 with retry-after)
  --input-tokens-per-minute N   enforce an input-tokens-per-minute budget
  --output-tokens-per-minute N  enforce an output-tokens-per-minute budget
  --same-reply-on-repeat        answer identical requests identically (default: the next variant)
  --help                        show this help`;

/** Flags taking a whole number, and the option each sets. */
const numberFlags = {
  "--port": "port",
  "--stream-delay-ms": "streamDelayMs",
  "--batch-processing-ms": "batchProcessingMs",
  "--latency-ms": "latencyMs",
  "--latency-jitter-ms": "latencyJitterMs",
} as const;
/** Flags taking text, and the option each sets. */
const textFlags = {
  "--host": "host",
  "--api-key": "apiKey",
  "--seed": "seed",
  "--base-path": "basePath",
} as const;
/** Flags taking a per-minute budget, and the budget of `rateLimits` each sets. */
const rateFlags = {
  "--requests-per-minute": "requestsPerMinute",
  "--input-tokens-per-minute": "inputTokensPerMinute",
  "--output-tokens-per-minute": "outputTokensPerMinute",
} as const;

/** What `table` maps the flag `name` to, if it has it. */
function lookUp<Table extends object>(table: Table, name: string): Table[keyof Table] | undefined {
  return Object.hasOwn(table, name) ? table[name as keyof Table] : undefined;
}

/** Parses the command line; throws on an unknown option or a bad number. */
function parseArguments(argv: readonly string[]): StartMockApiOptions & { help?: boolean } {
  const options: StartMockApiOptions & { help?: boolean } = {
    port: 4010,
    host: "127.0.0.1",
    streamDelayMs: 25,
    batchProcessingMs: 5000,
  };
  const numberOf = (name: string, value: string | undefined) => {
    const number = Number(value);
    if (value === undefined || !Number.isInteger(number) || number < 0)
      throw new Error(`${name} needs a whole number`);
    return number;
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? "";
    const [name = "", inline] = argument.includes("=") ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    const value = () => inline ?? argv[++index];
    const numberOption = lookUp(numberFlags, name);
    const textOption = lookUp(textFlags, name);
    const rate = lookUp(rateFlags, name);
    if (numberOption) options[numberOption] = numberOf(name, value());
    else if (textOption) options[textOption] = value();
    else if (rate) options.rateLimits = { ...options.rateLimits, [rate]: numberOf(name, value()) };
    else if (name === "--progressive-batch-counts") options.progressiveBatchCounts = true;
    else if (name === "--same-reply-on-repeat") options.varyRepeatedRequests = false;
    else if (name === "--help" || name === "-h") options.help = true;
    else throw new Error(`unknown option ${argument}`);
  }
  return options;
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`colloquy-mock-api: ${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(usage);
    return;
  }
  const server = await startMockApi(options);
  console.log(`Mock Anthropic API listening on ${server.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, stopping.`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`colloquy-mock-api: ${(error as Error).message}`);
  process.exitCode = 1;
});
