#!/usr/bin/env node
// The mock API's latency model under load: starts the built CLI (packages/mock-api/dist/cli.js) with
// `--latency-ms 300` in its own process on loopback, opens BENCH_STREAMS (200) concurrent streaming
// Messages requests (after a first round that opens the connections) and measures each one's time to
// first byte, from when the request was written to its connection. Goal (issue #18): every stream
// complete, no first byte before 300 ms, and p99 within 50 ms of 300 ms. Prints the figures and exits 1
// when the goal is missed. Bounded by BENCH_TIMEOUT_MS; always stops the server.
//
//   node bench/mock-api-latency.mjs        (needs packages/mock-api/dist: `npx tsc -b packages/mock-api/tsconfig.build.json`)
//   BENCH_STREAMS=500 BENCH_LATENCY_MS=1000 node bench/mock-api-latency.mjs
import { existsSync } from "node:fs";
import { Agent } from "node:http";
import { fileURLToPath } from "node:url";
import { giveUpAfter, startChildServer } from "./_child-server.mjs";
import { postMessages } from "./_stream-request.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}packages/mock-api/dist`;
const streams = Number(process.env.BENCH_STREAMS ?? 200);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 300);
const toleranceMs = 50;
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 60_000);

if (!existsSync(`${dist}/cli.js`)) {
  console.error(
    "mock-api-latency: packages/mock-api/dist is missing; run `npx tsc -b packages/mock-api/tsconfig.build.json`",
  );
  process.exit(1);
}

const server = startChildServer([
  `${dist}/cli.js`,
  "--port",
  "0",
  "--stream-delay-ms",
  "0",
  "--latency-ms",
  String(latencyMs),
]);
const stopServer = server.stop;
const deadline = giveUpAfter("mock-api-latency", timeoutMs, stopServer);
const url = await server.url;

const headers = {
  "x-api-key": "bench",
  "anthropic-version": "2023-06-01",
  "content-type": "application/json",
};
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

// A first round opens the connections (and warms the server up), so TCP setup stays out of the
// figures: the goal is about the latency model, measured on the second round over open connections.
await Promise.all(Array.from({ length: streams }, (_, index) => oneStream(-1 - index)));

async function oneStream(index, trigger = "") {
  const body = JSON.stringify({
    model: "claude-sonnet-4-6",
    max_tokens: 1024,
    stream: true,
    messages: [{ role: "user", content: `Latency probe ${index} [[mock: words=40 ${trigger}]]` }],
  });
  const response = await postMessages(url, { agent, headers, body });
  const complete = response.status === 200 && response.text.endsWith('data: {"type":"message_stop"}\n\n');
  // The status line and headers are the response's first bytes (a stream flushes them at once). The time
  // counts from when this process wrote the request to its connection: starting 200 requests takes this
  // process ~10 ms before the first one is written, and that is not the server's time to first byte.
  return { complete, firstByte: response.headersMs - response.sentMs, sentMs: response.sentMs };
}

const results = await Promise.all(
  Array.from({ length: streams }, (_, index) =>
    oneStream(index).catch((error) => ({ complete: false, firstByte: Number.NaN, error })),
  ),
);
// The same round with the `latency=0` trigger: what the machine and loopback HTTP add on their own.
const transport = await Promise.all(
  Array.from({ length: streams }, (_, index) =>
    oneStream(10_000 + index, "latency=0").catch(() => ({ complete: false, firstByte: Number.NaN })),
  ),
);
clearTimeout(deadline);
agent.destroy();
const exitCode = await stopServer();

const complete = results.filter((result) => result.complete).length;
const sortedFirstBytes = (list) =>
  list
    .map((result) => result.firstByte)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
const percentileOf = (sorted, p) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const firstBytes = sortedFirstBytes(results);
const percentile = (p) => percentileOf(firstBytes, p);
const transportFirstBytes = sortedFirstBytes(transport);
const min = firstBytes[0] ?? Number.NaN;
const p50 = percentile(50);
const p99 = percentile(99);

console.log(
  `mock-api-latency: ${streams} concurrent streams with latencyMs ${latencyMs}: ${complete} complete`,
);
console.log(
  `mock-api-latency: time to first byte min ${min.toFixed(1)} ms, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms ` +
    `(goal: min >= ${latencyMs} ms, p99 <= ${latencyMs + toleranceMs} ms)`,
);
console.log(
  `mock-api-latency: the same round without latency (transport and machine alone): p50 ${percentileOf(transportFirstBytes, 50).toFixed(1)} ms, ` +
    `p99 ${percentileOf(transportFirstBytes, 99).toFixed(1)} ms`,
);
const writtenAfter = results
  .map((result) => result.sentMs)
  .filter(Number.isFinite)
  .sort((a, b) => a - b);
console.log(
  `mock-api-latency: this process wrote each request ${(writtenAfter[0] ?? Number.NaN).toFixed(1)}–` +
    `${(writtenAfter.at(-1) ?? Number.NaN).toFixed(1)} ms after it started it (its own backlog, not counted above)`,
);
const firstError = results.find((result) => result.error)?.error;
if (firstError) console.error("mock-api-latency: first error:", firstError);
const met = complete === streams && min >= latencyMs && p99 <= latencyMs + toleranceMs && exitCode === 0;
if (!met) console.error("mock-api-latency: goal missed");
process.exit(met ? 0 : 1);
