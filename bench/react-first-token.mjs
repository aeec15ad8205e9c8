#!/usr/bin/env node
// Send → first rendered text: how long after a component starts a stream its first words are on screen,
// with `useMessageStream` against a naive component that calls `setState` on every text delta (which
// shows each delta in the next commit, the fastest React can). The mock API runs behind a loopback server
// in a child process and sends a 2,000-word reply one event per millisecond; React renders into jsdom and
// a <Profiler> notes the first commit with text in the DOM. Each variant runs BENCH_RUNS times (default
// 25), interleaved; medians and 90th percentiles are printed.
//
//   node bench/react-first-token.mjs
//   BENCH_RUNS=50 node bench/react-first-token.mjs
//
// Goal (issue 16.13): the first text renders as soon as it arrives, not at the next animation frame, so
// the hook's median send → first text is within 10 % (or 2 ms) of the naive hook's, and its median
// "first delta received → first text on screen" is under a third of a frame (5 ms; waiting for the next
// frame, as the hook did before, gives 10-16 ms). Exit code 1 when missed.
import { bundle, installDom, loadApp, startServer } from "./_react-harness.mjs";

const runs = Number(process.env.BENCH_RUNS ?? 25);
const words = 2000;
const paceMs = 1;
/** The longest median wait from the first delta to its commit: a third of a 60 Hz frame. */
const maxFirstTextGapMs = 5;
const model = "claude-opus-4-6";

let React;

const h = (...args) => React.createElement(...args);

/** One run: mounts the view, resolves once its first text is on screen, then unmounts it. */
async function firstText(View, createRoot) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  const params = {
    model,
    max_tokens: 128_000,
    messages: [{ role: "user", content: `Go [[mock: words=${words}]]` }],
  };
  const headers = { "x-bench-pace-ms": String(paceMs) };
  let firstDeltaAt = null;
  const onFirstDelta = () => {
    firstDeltaAt ??= performance.now();
  };
  const startedAt = performance.now();
  const shownAt = await new Promise((resolve) => {
    const onRender = () => {
      if (container.textContent.length > 0) resolve(performance.now());
    };
    root.render(
      h(React.Profiler, { id: "first", onRender }, h(View, { params, headers, onDelta: onFirstDelta })),
    );
  });
  root.unmount();
  container.remove();
  return { sendToText: shownAt - startedAt, deltaToText: shownAt - firstDeltaAt };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function main() {
  const bundlePath = await bundle();
  const server = await startServer(bundlePath);
  const { JSDOM } = await import("jsdom");
  installDom(JSDOM);
  const loaded = await loadApp(bundlePath, server.url);
  React = loaded.React;
  const { createRoot, HookView, NaiveView } = loaded;

  try {
    // Warm-up: JIT, module initialisation and the server's first connections.
    for (let index = 0; index < 3; index++) {
      await firstText(HookView, createRoot);
      await firstText(NaiveView, createRoot);
    }
    const results = { hook: [], naive: [] };
    for (let index = 0; index < runs; index++) {
      results.naive.push(await firstText(NaiveView, createRoot));
      results.hook.push(await firstText(HookView, createRoot));
    }
    const row = (name, list) => {
      const send = list.map((result) => result.sendToText);
      const delta = list.map((result) => result.deltaToText);
      return (
        `  ${name.padEnd(26)} send → first text: median ${quantile(send, 0.5).toFixed(1).padStart(5)} ms, ` +
        `p90 ${quantile(send, 0.9).toFixed(1).padStart(5)} ms;  first delta → on screen: median ` +
        `${quantile(delta, 0.5).toFixed(1).padStart(4)} ms`
      );
    };
    console.log(
      `Send → first rendered text, ${words.toLocaleString("en")}-word reply, one event per ${paceMs} ms, ${runs} runs each:`,
    );
    console.log(row("naive setState per delta", results.naive));
    console.log(row("useMessageStream", results.hook));
    const hookMedian = quantile(
      results.hook.map((result) => result.sendToText),
      0.5,
    );
    const naiveMedian = quantile(
      results.naive.map((result) => result.sendToText),
      0.5,
    );
    const hookGap = quantile(
      results.hook.map((result) => result.deltaToText),
      0.5,
    );
    const ratio = hookMedian / naiveMedian;
    const withinNaive = hookMedian <= naiveMedian * 1.1 || hookMedian - naiveMedian <= 2;
    const underFrame = hookGap < maxFirstTextGapMs;
    const verdict = (met) => (met ? "met" : "NOT met");
    console.log(
      `  ratio: useMessageStream shows its first text ${ratio.toFixed(2)}x the naive hook's time ` +
        `(goal within 10 % or 2 ms: ${verdict(withinNaive)}); first delta → on screen ${hookGap.toFixed(1)} ms ` +
        `(goal < ${maxFirstTextGapMs} ms, a third of a frame: ${verdict(underFrame)})`,
    );
    if (!withinNaive || !underFrame) process.exitCode = 1;
  } finally {
    server.stop();
  }
  setTimeout(() => process.exit(), 100).unref();
}

await main();
