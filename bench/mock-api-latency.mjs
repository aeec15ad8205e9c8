#!/usr/bin/env node
// The mock API's latency model under load: starts the built CLI (packages/mock-api/dist/cli.js) with
// `--latency-ms 300` in its own process on loopback, opens BENCH_STREAMS (200) concurrent streaming
// Messages requests and measures each one's time to first byte. Goal (issue #18): every stream
// complete, no first byte before 300 ms, and p99 within 50 ms of 300 ms. Prints the figures and exits 1
// when the goal is missed. Bounded by BENCH_TIMEOUT_MS; always stops the server.
//
//   node bench/mock-api-latency.mjs        (needs packages/mock-api/dist: `npx tsc -b packages/mock-api/tsconfig.build.json`)
//   BENCH_STREAMS=500 BENCH_LATENCY_MS=1000 node bench/mock-api-latency.mjs
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";

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

const server = spawn(
  process.execPath,
  [`${dist}/cli.js`, "--port", "0", "--stream-delay-ms", "0", "--latency-ms", String(latencyMs)],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const stopServer = () =>
  new Promise((resolve) => {
    if (server.exitCode !== null) return resolve(server.exitCode);
    server.once("exit", (code) => resolve(code));
    server.kill("SIGTERM");
  });
const deadline = setTimeout(async () => {
  console.error(`mock-api-latency: gave up after ${timeoutMs} ms`);
  await stopServer();
  process.exit(1);
}, timeoutMs);

const url = await new Promise((resolve, reject) => {
  let output = "";
  server.stdout.setEncoding("utf8");
  server.stdout.on("data", (chunk) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match) resolve(match[1]);
  });
  server.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
});

const headers = {
  "x-api-key": "bench",
  "anthropic-version": "2023-06-01",
  "content-type": "application/json",
};
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

// One request first, so connection setup and the server's first-request warm-up stay out of the figures.
await oneStream(-1);

function oneStream(index) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({
      model: "claude-sonnet-4-6",
      max_tokens: 1024,
      stream: true,
      messages: [{ role: "user", content: `Latency probe ${index} [[mock: words=40]]` }],
    });
    const started = performance.now();
    const request = httpRequest(`${url}/v1/messages`, {
      method: "POST",
      agent,
      headers: { ...headers, "content-length": Buffer.byteLength(body) },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      let firstByte;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        firstByte ??= performance.now() - started;
        text += chunk;
      });
      response.on("error", reject);
      response.on("end", () => {
        const complete = response.statusCode === 200 && text.endsWith('data: {"type":"message_stop"}\n\n');
        resolve({ complete, firstByte: firstByte ?? Number.NaN });
      });
    });
    request.end(body);
  });
}

const results = await Promise.all(
  Array.from({ length: streams }, (_, index) =>
    oneStream(index).catch((error) => ({ complete: false, firstByte: Number.NaN, error })),
  ),
);
clearTimeout(deadline);
agent.destroy();
const exitCode = await stopServer();

const complete = results.filter((result) => result.complete).length;
const firstBytes = results
  .map((result) => result.firstByte)
  .filter(Number.isFinite)
  .sort((a, b) => a - b);
const percentile = (p) => firstBytes[Math.max(0, Math.ceil((p / 100) * firstBytes.length) - 1)] ?? Number.NaN;
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
const firstError = results.find((result) => result.error)?.error;
if (firstError) console.error("mock-api-latency: first error:", firstError);
const met = complete === streams && min >= latencyMs && p99 <= latencyMs + toleranceMs && exitCode === 0;
if (!met) console.error("mock-api-latency: goal missed");
process.exit(met ? 0 : 1);
