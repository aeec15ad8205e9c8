#!/usr/bin/env node
// Load through @colloquy/proxy: the mock API's CLI in one process, the proxy (its node:http middleware,
// from packages/proxy/dist) in another, and this process as the browsers. Two phases, each alternating
// straight-to-the-mock and through-the-proxy so both see the same machine:
//   latency: BENCH_SEQUENTIAL streams one at a time; the time to first byte (first body chunk) the proxy adds;
//   load:    BENCH_ROUNDS rounds of BENCH_STREAMS (200) concurrent streams; the time to first byte each way
//            (p50/p99) and the proxy process's CPU time per stream.
// Every stream must be complete (end with message_stop).
//
// Goals (exit 1 when one is missed): every stream complete; one stream at a time, the proxy adds at most
// 5 ms to the p50 time to first byte; under load it spends at most 5 ms of CPU per stream.
// Under 200 concurrent streams the added time to first byte is mostly queueing for the CPU (the proxy
// handles 200 requests arriving at once, on the same cores as the mock and the browsers): printed, no goal.
//
//   node bench/proxy-load.mjs   (needs packages/mock-api/dist and packages/proxy/dist: `npm run build`)
//   BENCH_STREAMS=500 BENCH_ROUNDS=5 BENCH_SEQUENTIAL=100 BENCH_DELAY_MS=10 node bench/proxy-load.mjs
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { Agent, createServer, request as httpRequest } from "node:http";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { giveUpAfter, startChildServer } from "./_child-server.mjs";
import { postMessages } from "./_stream-request.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const mockDist = `${root}packages/mock-api/dist`;
const proxyDist = `${root}packages/proxy/dist`;
const PREFIX = "/api/anthropic";
const CPU_PATH = "/__bench/cpu";

// In the child process: serve the proxy and report this process's CPU time on CPU_PATH.
if (process.argv[2] === "--serve-proxy") {
  const { createAnthropicProxyMiddleware } = await import(`${proxyDist}/node.js`);
  const middleware = createAnthropicProxyMiddleware({
    apiKey: "sk-ant-bench-server-key",
    baseURL: process.argv[3],
    prefix: PREFIX,
    allowAnonymous: true,
  });
  const server = createServer((request, response) => {
    if (request.url === CPU_PATH) {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(process.cpuUsage()));
      return;
    }
    middleware(request, response);
  });
  server.listen(0, "127.0.0.1", () =>
    console.log(`proxy listening on http://127.0.0.1:${server.address().port}`),
  );
  process.on("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
} else {
  await bench();
}

async function bench() {
  const streams = Number(process.env.BENCH_STREAMS ?? 200);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const sequential = Number(process.env.BENCH_SEQUENTIAL ?? 50);
  const delayMs = Number(process.env.BENCH_DELAY_MS ?? 5);
  const words = Number(process.env.BENCH_WORDS ?? 60);
  const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 120_000);
  const GOAL_ADDED_P50_MS = 5;
  const GOAL_CPU_PER_STREAM_MS = 5;

  for (const [dist, file] of [
    [mockDist, "cli.js"],
    [proxyDist, "node.js"],
  ]) {
    if (!existsSync(`${dist}/${file}`)) {
      console.error(`proxy-load: ${dist}/${file} is missing; run \`npm run build\``);
      process.exit(1);
    }
  }

  const servers = [];
  /** Starts a child process and resolves with the URL it prints. */
  function startChild(args) {
    const server = startChildServer(args);
    servers.push(server);
    return server.url;
  }
  const stopChildren = () => Promise.all(servers.map((server) => server.stop()));
  const deadline = giveUpAfter("proxy-load", timeoutMs, stopChildren);

  const mockUrl = await startChild([
    `${mockDist}/cli.js`,
    "--port",
    "0",
    "--stream-delay-ms",
    String(delayMs),
  ]);
  const proxyUrl = await startChild([fileURLToPath(import.meta.url), "--serve-proxy", mockUrl]);

  // node:http rather than fetch, so the browsers' own cost stays small.
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  function get(url) {
    return new Promise((resolve, reject) => {
      httpRequest(url, { agent }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve(JSON.parse(text)));
      })
        .on("error", reject)
        .end();
    });
  }
  async function oneStream(baseURL, index) {
    const body = JSON.stringify({
      model: "claude-sonnet-4-6",
      max_tokens: 4096,
      stream: true,
      messages: [{ role: "user", content: `Prompt number ${index} [[mock: words=${words}]]` }],
    });
    const headers = {
      "x-api-key": "sk-ant-browser-has-no-real-key",
      "anthropic-version": "2023-06-01",
      "content-type": "application/json",
    };
    try {
      const { status, text, firstChunkMs } = await postMessages(baseURL, { agent, headers, body });
      return { complete: status === 200 && text.includes("event: message_stop"), firstByte: firstChunkMs };
    } catch (error) {
      return { complete: false, firstByte: Number.NaN, error };
    }
  }
  const round = (baseURL) =>
    Promise.all(Array.from({ length: streams }, (_, index) => oneStream(baseURL, index)));

  // Warm-up (JIT, connection pools), not counted.
  for (let index = 0; index < 5; index++) {
    await oneStream(mockUrl, index);
    await oneStream(`${proxyUrl}${PREFIX}`, index);
  }
  const directAlone = [];
  const proxiedAlone = [];
  for (let index = 0; index < sequential; index++) {
    directAlone.push(await oneStream(mockUrl, index));
    proxiedAlone.push(await oneStream(`${proxyUrl}${PREFIX}`, index));
  }

  /** A child's CPU time in ms from /proc (Linux), for the mock's share; undefined elsewhere. */
  const clockTicks = (() => {
    try {
      return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    } catch {
      return undefined;
    }
  })();
  const procCpuMs = (pid) => {
    try {
      // Fields after the command name: state is field 3, utime 14 and stime 15.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return ((Number(fields[11]) + Number(fields[12])) / clockTicks) * 1000;
    } catch {
      return Number.NaN;
    }
  };
  const mockPid = servers[0].child.pid;

  const direct = [];
  const proxied = [];
  let proxyCpuMicros = 0;
  let mockCpuMs = 0;
  for (let index = 0; index < rounds; index++) {
    const mockBefore = procCpuMs(mockPid);
    direct.push(...(await round(mockUrl)));
    mockCpuMs += procCpuMs(mockPid) - mockBefore;
    const before = await get(`${proxyUrl}${CPU_PATH}`);
    proxied.push(...(await round(`${proxyUrl}${PREFIX}`)));
    const after = await get(`${proxyUrl}${CPU_PATH}`);
    proxyCpuMicros += after.user - before.user + (after.system - before.system);
  }
  clearTimeout(deadline);
  agent.destroy();
  await stopChildren();

  const percentile = (results, p) => {
    const sorted = results
      .map((result) => result.firstByte)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  };
  const all = [...directAlone, ...proxiedAlone, ...direct, ...proxied];
  const incomplete = all.filter((result) => !result.complete).length;
  const addedAloneP50 = percentile(proxiedAlone, 50) - percentile(directAlone, 50);
  const addedAloneP99 = percentile(proxiedAlone, 99) - percentile(directAlone, 99);
  const directP50 = percentile(direct, 50);
  const directP99 = percentile(direct, 99);
  const proxiedP50 = percentile(proxied, 50);
  const proxiedP99 = percentile(proxied, 99);
  const addedP50 = proxiedP50 - directP50;
  const cpuPerStreamMs = proxyCpuMicros / 1000 / proxied.length;
  const mockCpuPerStreamMs = mockCpuMs / direct.length;

  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(
    `proxy-load: ${words} words per stream, ${delayMs} ms between events; ${all.length} streams, ${incomplete} incomplete ` +
      `(machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end)`,
  );
  console.log(
    `proxy-load: one at a time (${sequential} each way): time to first byte direct p50 ${ms(percentile(directAlone, 50))}, ` +
      `through the proxy p50 ${ms(percentile(proxiedAlone, 50))}; added p50 ${ms(addedAloneP50)}, ` +
      `p99 ${ms(addedAloneP99)} (goal p50 <= ${GOAL_ADDED_P50_MS} ms)`,
  );
  console.log(
    `proxy-load: ${streams} concurrent (${rounds} rounds each way): time to first byte direct p50 ${ms(directP50)}, ` +
      `p99 ${ms(directP99)}; through the proxy p50 ${ms(proxiedP50)}, p99 ${ms(proxiedP99)}; ` +
      `added p50 ${ms(addedP50)}, p99 ${ms(proxiedP99 - directP99)}`,
  );
  console.log(
    `proxy-load: proxy CPU ${cpuPerStreamMs.toFixed(2)} ms per stream under load (goal <= ${GOAL_CPU_PER_STREAM_MS} ms); ` +
      `the mock API itself: ${Number.isFinite(mockCpuPerStreamMs) ? `${mockCpuPerStreamMs.toFixed(2)} ms` : "n/a (no /proc)"}`,
  );
  const firstError = all.find((result) => result.error)?.error;
  if (firstError) console.error("proxy-load: first error:", firstError);
  const missed = [];
  if (incomplete > 0) missed.push(`${incomplete} incomplete streams`);
  if (!(addedAloneP50 <= GOAL_ADDED_P50_MS))
    missed.push(`added p50 one at a time ${ms(addedAloneP50)} > ${GOAL_ADDED_P50_MS} ms`);
  if (!(cpuPerStreamMs <= GOAL_CPU_PER_STREAM_MS))
    missed.push(`CPU per stream ${cpuPerStreamMs.toFixed(2)} ms > ${GOAL_CPU_PER_STREAM_MS} ms`);
  if (missed.length) console.log(`proxy-load: MISSED: ${missed.join("; ")}`);
  process.exit(missed.length ? 1 : 0);
}
