#!/usr/bin/env node
// Load on the mock API's Node server: starts the built CLI (packages/mock-api/dist/cli.js) in its own
// process on loopback, opens BENCH_STREAMS concurrent streaming Messages requests, checks that every
// stream is complete (ends with message_stop) and byte-identical to the stream the core produces
// in-process for the same request (the generated `msg_…` id is the only field that differs and is
// masked), then prints requests/s and the p50/p99 time to first byte. Bounded: it stops after
// BENCH_TIMEOUT_MS whatever happens, and always stops the server.
//
//   node bench/mock-api-load.mjs        (needs packages/mock-api/dist: `npx tsc -b packages/mock-api/tsconfig.build.json`)
//   BENCH_STREAMS=500 BENCH_DELAY_MS=10 BENCH_WORDS=200 node bench/mock-api-load.mjs
import { existsSync } from "node:fs";
import { Agent } from "node:http";
import { fileURLToPath } from "node:url";
import { giveUpAfter, startChildServer } from "./_child-server.mjs";
import { postMessages } from "./_stream-request.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}packages/mock-api/dist`;
const streams = Number(process.env.BENCH_STREAMS ?? 200);
const delayMs = Number(process.env.BENCH_DELAY_MS ?? 5);
const words = Number(process.env.BENCH_WORDS ?? 100);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 60_000);

if (!existsSync(`${dist}/cli.js`)) {
  console.error(
    "mock-api-load: packages/mock-api/dist is missing; run `npx tsc -b packages/mock-api/tsconfig.build.json`",
  );
  process.exit(1);
}
const { createMockApi } = await import(`${dist}/index.js`);

const headers = {
  "x-api-key": "bench",
  "anthropic-version": "2023-06-01",
  "content-type": "application/json",
};
const bodyFor = (index) =>
  JSON.stringify({
    model: "claude-sonnet-4-6",
    max_tokens: 4096,
    stream: true,
    messages: [{ role: "user", content: `Prompt number ${index} [[mock: words=${words}]]` }],
  });
const maskIds = (text) => text.replace(/"id":"msg_[A-Za-z0-9]+"/g, '"id":"msg_MASKED"');

// The expected bytes of each request, from the core in this process. Every prompt differs: the mock
// answers a repeated identical request with its next variant, and arrival order is not fixed.
const reference = createMockApi();
const expected = [];
for (let index = 0; index < streams; index++) {
  const response = await reference.handle(
    new Request("http://reference/v1/messages", { method: "POST", headers, body: bodyFor(index) }),
  );
  expected.push(maskIds(await response.text()));
}

const server = startChildServer([`${dist}/cli.js`, "--port", "0", "--stream-delay-ms", String(delayMs)]);
const stopServer = server.stop;
const deadline = giveUpAfter("mock-api-load", timeoutMs, stopServer);
const url = await server.url;

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
async function oneStream(index) {
  const { status, text, firstChunkMs } = await postMessages(url, { agent, headers, body: bodyFor(index) });
  const complete = status === 200 && text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n');
  const identical = maskIds(text) === expected[index];
  return { ok: complete && identical, complete, identical, firstByte: firstChunkMs };
}

const wallStart = performance.now();
const results = await Promise.all(
  Array.from({ length: streams }, (_, index) =>
    oneStream(index).catch((error) => ({
      ok: false,
      complete: false,
      identical: false,
      firstByte: Number.NaN,
      error,
    })),
  ),
);
const wallMs = performance.now() - wallStart;
clearTimeout(deadline);
agent.destroy();
const exitCode = await stopServer();

const good = results.filter((result) => result.ok).length;
const incomplete = results.filter((result) => !result.complete).length;
const different = results.filter((result) => result.complete && !result.identical).length;
const firstBytes = results
  .map((result) => result.firstByte)
  .filter(Number.isFinite)
  .sort((a, b) => a - b);
const percentile = (p) => firstBytes[Math.max(0, Math.ceil((p / 100) * firstBytes.length) - 1)] ?? Number.NaN;
const bytesPerStream = expected[0].length;

console.log(
  `mock-api-load: ${streams} concurrent streams (~${bytesPerStream} bytes each, ${delayMs} ms between events): ` +
    `${good} complete and byte-identical, ${incomplete} incomplete, ${different} different`,
);
console.log(
  `mock-api-load: ${(streams / (wallMs / 1000)).toFixed(1)} requests/s over ${wallMs.toFixed(0)} ms`,
);
console.log(
  `mock-api-load: time to first byte p50 ${percentile(50).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms`,
);
console.log(`mock-api-load: server exited with code ${exitCode} after SIGTERM`);
const firstError = results.find((result) => result.error)?.error;
if (firstError) console.error("mock-api-load: first error:", firstError);
process.exit(good === streams && exitCode === 0 ? 0 : 1);
