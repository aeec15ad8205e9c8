#!/usr/bin/env node
// Markdown parse time on adversarial input (issue #16.9): 100 KB of markdown made of what made the old
// parser quadratic (8,000+ unmatched `*` in one paragraph, unmatched `_`, backtick runs of every length,
// `[` and `](` that never close, deeply nested emphasis, all of it mixed), parsed by `parseMarkdown`
// from `@colloquy/ui/markdown`, and by the streaming path (`closeUnfinished` then `parseMarkdown`,
// what a reply's last chunk goes through each frame).
//
//   npm run bench -- markdown          (builds first, then measures packages/ui/dist)
//   node bench/markdown-parse.mjs      (measures dist when built, else bundles the source with esbuild)
//   node bench/markdown-parse.mjs --source
//
// Goal: each 100 KB parse under 50 ms of CPU time (median of 7 runs after a warm-up on other text);
// exits 1 when missed. Wall time is printed beside it (on a busy machine it also counts waiting for a
// core). Also prints the time at 50, 100 and 200 KB: a linear parser roughly doubles per step.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const goalMs = 50;
const targetLength = 100_000;
const runs = 7;

const { parseMarkdown, closeUnfinished, from } = await loadParser();

/** One section per way to make a naive inline parser rescan; every section is one paragraph. */
const sections = [
  // 8,000 `*` openers with no closer.
  "*a ".repeat(8000),
  // `_` openers, and intraword `_` that may neither open nor close.
  "_a snake_case ".repeat(1500),
  // Backtick runs of lengths 1 to 4 that never find a run of their own length.
  "`a ``b ```c ````d ".repeat(700),
  // Brackets that never close, and link targets that never end.
  "[a [b](c ".repeat(1200),
  // Emphasis nested 1,500 deep, then closed.
  `${"*a **b ".repeat(1500)}c${" d** e*".repeat(1500)}`,
  // Everything at once.
  "**a _b `c [d ~~e <f https://x ".repeat(600),
];

/** Repeats the sections, blank-line separated, until the text is at least `length` characters. */
function adversarial(length) {
  const parts = [];
  let total = 0;
  for (let index = 0; total < length; index += 1) {
    const section = sections[index % sections.length];
    parts.push(section);
    total += section.length + 2;
  }
  return parts.join("\n\n").slice(0, length);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time and median CPU time (user + system of this process) of `runs` parses, in ms. */
function time(parse, text) {
  const wall = [];
  const cpu = [];
  for (let run = 0; run < runs; run += 1) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    const blocks = parse(text);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    if (blocks.length === 0) throw new Error("the parser returned nothing");
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const parseOnly = (text) => parseMarkdown(text);
const streamingPath = (text) => parseMarkdown(closeUnfinished(text));

// Warm-up on different text, so the JIT has seen the code but not this input.
const warmUp = adversarial(targetLength).replaceAll("a", "w");
for (let run = 0; run < 10; run += 1) {
  parseOnly(warmUp);
  streamingPath(warmUp);
}

const text = adversarial(targetLength);
const stars = (text.match(/\*/g) ?? []).length;
console.log(`parser: ${from}`);
console.log(
  `input: ${text.length.toLocaleString("en-US")} characters, ${stars.toLocaleString("en-US")} "*", ` +
    `${(text.match(/`/g) ?? []).length.toLocaleString("en-US")} backticks, ` +
    `${(text.match(/\[/g) ?? []).length.toLocaleString("en-US")} "["`,
);

let failed = false;
for (const [name, parse] of [
  ["parseMarkdown", parseOnly],
  ["closeUnfinished + parseMarkdown (streaming tail)", streamingPath],
]) {
  const { wall, cpu } = time(parse, text);
  // Judged on CPU time: on a shared machine, wall time also counts the waits for a free core.
  const ok = cpu < goalMs;
  if (!ok) failed = true;
  console.log(
    `${name}: ${cpu.toFixed(1)} ms CPU, ${wall.toFixed(1)} ms wall (goal < ${goalMs} ms CPU) ${ok ? "ok" : "MISSED"}`,
  );
}

const scaling = [50_000, 100_000, 200_000].map((length) => ({
  length,
  ms: time(parseOnly, adversarial(length)).cpu,
}));
console.log(
  `scaling (parseMarkdown, CPU): ${scaling.map(({ length, ms }) => `${length / 1000} KB ${ms.toFixed(1)} ms`).join(", ")}`,
);
process.exit(failed ? 1 : 0);

/** The built package when there is one (and --source is not given), else the source bundled by esbuild. */
async function loadParser() {
  const built = `${root}packages/ui/dist/parse-markdown.js`;
  if (!process.argv.includes("--source") && existsSync(built)) {
    return { ...(await import(pathToFileURL(built).href)), from: "packages/ui/dist (built)" };
  }
  const { build } = await import("esbuild");
  const outDir = `${root}node_modules/.cache/colloquy-bench`;
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/markdown-parse.mjs`;
  await build({
    entryPoints: [`${root}packages/ui/src/parse-markdown.ts`],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile,
    logLevel: "warning",
  });
  return {
    ...(await import(`${pathToFileURL(outfile).href}?${Date.now()}`)),
    from: "packages/ui/src (bundled)",
  };
}
