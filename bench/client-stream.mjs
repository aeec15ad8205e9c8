#!/usr/bin/env node
// CPU cost of consuming a streamed message: our `messages.stream()` + `finalMessage()`, the official
// `@anthropic-ai/sdk` doing the same, and a floor (fetch + eventsource-parser + JSON.parse + string
// append, no helper). A loopback server in this process serves prebuilt SSE bodies; each contender
// runs in a fresh child process, which measures `process.cpuUsage()` around each request. Figures are
// ratios to the floor, in two modes (issue 14):
//   cold: the first requests of a fresh process, before the JIT has settled: the median of requests
//         2-4 of each process, then the median over 7 rounds in which the contenders take turns;
//   warm: after 30 warm-up requests, the median of the next requests, over 3 rounds.
// Goals: tool input ≤ 1.2× the floor, text ≤ 1.1×, both cold and warm; exits 1 when one is missed.
//
//   node bench/client-stream.mjs   (needs packages/client/dist: `npm run build -w @colloquy/client`)
//   node bench/client-stream.mjs --cold-rounds=7 --warm-rounds=3 --warmups=30 --iterations=20 --per-event --verbose
//   node bench/client-stream.mjs --only=tool,cold,ours --cold-rounds=21   (some scenarios, modes, contenders)
// `--per-event` writes the body one event per write instead of in one write; `--verbose` prints
// each child's figure; `--only=` keeps the scenarios (text, tool), modes (cold, warm) and contenders
// (ours, official; the floor always runs) it names. The machine's load shows in the figures: compare
// runs, not single digits.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const option = (name, fallback) => {
  const match = process.argv.find((argument) => argument.startsWith(`--${name}=`));
  return match ? Number(match.slice(name.length + 3)) : fallback;
};
const coldRounds = option("cold-rounds", 7);
const warmRounds = option("warm-rounds", 3);
const warmups = option("warmups", 30);
const iterations = option("iterations", 20);
/** A cold process makes this many requests; the first is left out of its figure (module loading). */
const coldRequests = 4;
/** `--only=tool,cold`: the scenarios, modes and contenders to run (all of a kind when it names none of it). */
const only = (process.argv.find((argument) => argument.startsWith("--only=")) ?? "--only=")
  .slice(7)
  .split(",");
const selected = (names) => {
  const named = names.filter((name) => only.includes(name));
  return named.length > 0 ? named : names;
};
/** The floor always runs: every figure is a ratio to it. */
const contenders = ["floor", ...selected(["ours", "official"])];
const params = { model: "claude-sonnet-4-6", max_tokens: 1024, messages: [{ role: "user", content: "Hi" }] };

if (process.argv[2] === "--child") {
  await runChild(process.argv[3], process.argv[4]);
} else {
  await runParent();
}

// ---------------------------------------------------------------------------------------------
// Parent: the server and the report.

function sse(name, data) {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

function messageStart() {
  return sse("message_start", {
    type: "message_start",
    message: {
      id: "msg_bench",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-6",
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      container: null,
      usage: {
        input_tokens: 10,
        output_tokens: 1,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    },
  });
}

function messageEnd(stopReason, outputTokens) {
  return [
    sse("message_delta", {
      type: "message_delta",
      delta: { stop_reason: stopReason, stop_sequence: null, stop_details: null, container: null },
      usage: { output_tokens: outputTokens },
    }),
    sse("message_stop", { type: "message_stop" }),
  ];
}

/** 20,000 text deltas of a few words each. */
function textScenario() {
  const events = [messageStart()];
  events.push(
    sse("content_block_start", {
      type: "content_block_start",
      index: 0,
      content_block: { type: "text", text: "" },
    }),
  );
  for (let index = 0; index < 20_000; index++) {
    events.push(
      sse("content_block_delta", {
        type: "content_block_delta",
        index: 0,
        delta: { type: "text_delta", text: ` token${index % 97} and` },
      }),
    );
  }
  events.push(sse("content_block_stop", { type: "content_block_stop", index: 0 }));
  events.push(...messageEnd("end_turn", 20_000));
  return events;
}

/** A 64 KB tool input streamed in 16-character `input_json_delta`s. */
function toolScenario() {
  const input = { files: [] };
  for (let index = 0; JSON.stringify(input).length < 64 * 1024; index++) {
    input.files.push({
      path: `src/module-${index}/index.ts`,
      lines: index * 7,
      note: 'a "quoted" note\twith escapes é',
    });
  }
  const json = JSON.stringify(input);
  const events = [messageStart()];
  events.push(
    sse("content_block_start", {
      type: "content_block_start",
      index: 0,
      content_block: {
        type: "tool_use",
        id: "toolu_bench",
        name: "write_files",
        input: {},
        caller: { type: "direct" },
      },
    }),
  );
  for (let start = 0; start < json.length; start += 16) {
    events.push(
      sse("content_block_delta", {
        type: "content_block_delta",
        index: 0,
        delta: { type: "input_json_delta", partial_json: json.slice(start, start + 16) },
      }),
    );
  }
  events.push(sse("content_block_stop", { type: "content_block_stop", index: 0 }));
  events.push(...messageEnd("tool_use", 9000));
  return { events, bytes: json.length, deltas: Math.ceil(json.length / 16) };
}

async function runParent() {
  const tool = toolScenario();
  const scenarios = {
    text: { label: "20,000 text deltas", events: textScenario(), goal: 1.1 },
    tool: {
      label: `${Math.round(tool.bytes / 1024)} KB tool input in ${tool.deltas} deltas of 16 chars`,
      events: tool.events,
      goal: 1.2,
    },
  };
  const perEvent = process.argv.includes("--per-event");
  const bodies = Object.fromEntries(
    Object.entries(scenarios).map(([name, scenario]) => [
      name,
      perEvent ? scenario.events.map((event) => Buffer.from(event)) : [Buffer.from(scenario.events.join(""))],
    ]),
  );

  const server = createServer((request, response) => {
    const scenario = request.url?.split("/")[1] ?? "";
    const chunks = bodies[scenario];
    request.resume();
    request.on("end", () => {
      if (!chunks) {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ type: "error", error: { type: "not_found_error", message: "no scenario" } }),
        );
        return;
      }
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "request-id": "req_bench",
      });
      for (const chunk of chunks) response.write(chunk);
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();

  const modes = {
    cold: {
      label: `cold: median of requests 2-${coldRequests} of a fresh process, median of ${coldRounds} interleaved rounds`,
      rounds: coldRounds,
      args: [`--warmups=0`, `--iterations=${coldRequests}`],
      // Request 1 loads and compiles the modules: left out.
      figure: (samples) => median(samples.slice(1)),
    },
    warm: {
      label: `warm: median of ${iterations} requests after ${warmups} warm-ups, median of ${warmRounds} interleaved rounds`,
      rounds: warmRounds,
      args: [`--warmups=${warmups}`, `--iterations=${iterations}`],
      figure: (samples) => median(samples),
    },
  };
  console.log(
    `client stream CPU benchmark, ratios to the floor (body written ${perEvent ? "one event per write" : "in one write"})\n`,
  );
  const results = [];
  for (const name of selected(Object.keys(scenarios))) {
    const scenario = scenarios[name];
    console.log(`${scenario.label}:`);
    for (const modeName of selected(Object.keys(modes))) {
      const mode = modes[modeName];
      const figures = Object.fromEntries(contenders.map((contender) => [contender, []]));
      for (let round = 0; round < mode.rounds; round++) {
        // Rotate the order so no contender always runs first (or last) in a round.
        const order = contenders.map((_, index) => contenders[(index + round) % contenders.length]);
        for (const contender of order) {
          const samples = await spawnChild(contender, `http://127.0.0.1:${port}/${name}`, mode.args);
          const figure = mode.figure(samples);
          figures[contender].push(figure);
          if (process.argv.includes("--verbose"))
            console.log(`    ${modeName} round ${round + 1} ${contender}: ${(figure / 1000).toFixed(1)} ms`);
        }
      }
      const medians = Object.fromEntries(
        contenders.map((contender) => [contender, median(figures[contender])]),
      );
      const ours = medians.ours / medians.floor;
      const official = medians.official / medians.floor;
      const met = ours <= scenario.goal;
      results.push({ name, mode: modeName, ours, official, goal: scenario.goal, met });
      console.log(`  ${mode.label}`);
      for (const contender of contenders) {
        const ratio = medians[contender] / medians.floor;
        const note =
          contender === "ours" ? `  (goal ≤ ${scenario.goal.toFixed(2)}×: ${met ? "met" : "NOT met"})` : "";
        console.log(
          `    ${contender.padEnd(9)} ${(medians[contender] / 1000).toFixed(1).padStart(7)} ms CPU  ${ratio.toFixed(2)}× floor${note}`,
        );
      }
    }
    console.log("");
  }
  console.log("ours / floor (goal), official / floor:");
  for (const { name, mode, ours, official, goal, met } of results) {
    console.log(
      `  ${`${name} ${mode}`.padEnd(10)} ${ours.toFixed(2)}× (≤ ${goal}${met ? "" : ", NOT met"})   official ${Number.isNaN(official) ? "not run" : `${official.toFixed(2)}×`}`,
    );
  }
  server.close();
  if (results.some((result) => !result.met)) process.exitCode = 1;
}

function spawnChild(contender, url, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here, "--child", contender, url, ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (data) => {
      output += data;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${contender} exited with ${code}`));
      else resolve(JSON.parse(output));
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Child: one contender, several requests, CPU microseconds per request on stdout.

async function runChild(contender, url) {
  const run = await contenderRun(contender, url);
  for (let index = 0; index < warmups; index++) check(await run());
  const samples = [];
  for (let index = 0; index < iterations; index++) {
    const before = process.cpuUsage();
    const result = await run();
    const used = process.cpuUsage(before);
    check(result);
    samples.push(used.user + used.system);
  }
  process.stdout.write(JSON.stringify(samples));
}

/** Every contender must produce the whole reply, or its figure means nothing. */
function check(result) {
  if (result.stop_reason !== "end_turn" && result.stop_reason !== "tool_use")
    throw new Error("incomplete reply");
  if (result.text !== undefined && result.text.length < 100_000) throw new Error("text missing");
  if (result.input !== undefined && result.input.files.length < 100) throw new Error("tool input missing");
}

async function contenderRun(contender, url) {
  if (contender === "ours") {
    const { default: Anthropic } = await import(
      new URL("../packages/client/dist/index.js", import.meta.url).href
    );
    const client = new Anthropic({ apiKey: "bench-key", baseURL: url, maxRetries: 0 });
    return async () => summarize(await client.messages.stream(params).finalMessage());
  }
  if (contender === "official") {
    const { default: Anthropic } = await import("@anthropic-ai/sdk");
    const client = new Anthropic({ apiKey: "bench-key", baseURL: url, maxRetries: 0 });
    return async () => summarize(await client.messages.stream(params).finalMessage());
  }
  const { createParser } = await import("eventsource-parser");
  return async () => {
    const response = await fetch(`${url}/v1/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-api-key": "bench-key",
        "anthropic-version": "2023-06-01",
      },
      body: JSON.stringify({ ...params, stream: true }),
    });
    let text = "";
    let json = "";
    let stopReason = null;
    const parser = createParser({
      onEvent(event) {
        const data = JSON.parse(event.data);
        if (data.type === "content_block_delta") {
          if (data.delta.type === "text_delta") text += data.delta.text;
          else if (data.delta.type === "input_json_delta") json += data.delta.partial_json;
        } else if (data.type === "message_delta") {
          stopReason = data.delta.stop_reason;
        }
      },
    });
    const decoder = new TextDecoder();
    for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
    return json ? { stop_reason: stopReason, input: JSON.parse(json) } : { stop_reason: stopReason, text };
  };
}

function summarize(message) {
  const block = message.content[0];
  return block.type === "text"
    ? { stop_reason: message.stop_reason, text: block.text }
    : { stop_reason: message.stop_reason, input: block.input };
}
