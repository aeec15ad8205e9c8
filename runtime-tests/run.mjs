#!/usr/bin/env node
// Runtime smoke tests: builds @colloquy/client (ESM with tsc, CJS with scripts/build-cjs.mjs) and the
// mock API, starts the mock's Node server on loopback, and runs `smoke-core.mjs` (messages.create,
// messages.stream with the same final text, a typed 404) in every runtime the official SDK supports:
//   Node ESM import, Node CJS require, Bun, Deno, an edge runtime (@edge-runtime/vm), headless Chromium.
// Then `proxy-smoke.mjs` runs the built @colloquy/proxy handler in front of that mock (the client's smoke
// test through it, plus a refused route): served by node:http (through @colloquy/proxy/node), Bun.serve
// and Deno.serve, and called in process in the edge runtime.
// One line per runtime: `ok: …`, `FAILED: reason` or `unavailable: reason` (never skipped silently),
// then `runtimes: N passed, N failed`. Exits non-zero when one failed.
//
// Usage: node runtime-tests/run.mjs [--no-build]
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = resolve(here, "..");
const env = { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1", TURBO_TELEMETRY_DISABLED: "1" };
const scratch = mkdtempSync(join(tmpdir(), "colloquy-runtimes-"));
const perRuntimeTimeoutMs = 90_000;

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) {
    console.log(`build: FAILED: ${command} ${args.join(" ")}\n${result.stdout}${result.stderr}`);
    console.log("runtimes: 0 passed, 1 failed");
    process.exit(1);
  }
}

if (!process.argv.includes("--no-build")) {
  step("npx", ["tsc", "-b", "packages/client/tsconfig.build.json"]);
  step("node", ["scripts/build-cjs.mjs", "packages/client"]);
  step("npx", ["tsc", "-b", "packages/mock-api/tsconfig.build.json"]);
  step("npx", ["tsc", "-b", "packages/proxy/tsconfig.build.json"]);
}

const { startMockApi } = await import(pathToFileURL(join(root, "packages/mock-api/dist/node.js")).href);
const mock = await startMockApi({ host: "127.0.0.1", port: 0 });

/** Runs a child process and reads its last line: `ok: …` or `FAILED: …`. */
function runChild(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: here, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (data) => {
      output += data;
    });
    child.stderr.on("data", (data) => {
      output += data;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), perRuntimeTimeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      done({ status: "unavailable", detail: `${command} could not start: ${error.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const lines = output.trim().split("\n");
      const okLine = lines.find((line) => line.startsWith("ok: "));
      if (code === 0 && okLine) done({ status: "ok", detail: okLine.slice(4) });
      else if (signal)
        done({ status: "failed", detail: `killed by ${signal} after ${perRuntimeTimeoutMs} ms` });
      else {
        const failedLine = lines.find((line) => line.startsWith("FAILED: "));
        done({
          status: "failed",
          detail: (failedLine?.slice(8) ?? lines.slice(-3).join(" | ")).slice(0, 400),
        });
      }
    });
  });
}

/** Resolves a runtime binary from node_modules/.bin, telling a placeholder (install script not run) apart. */
function localBinary(name, versionArgs) {
  const path = join(root, "node_modules/.bin", name);
  if (!existsSync(path)) return { error: `${name} is not installed (node_modules/.bin/${name} missing)` };
  const probe = spawnSync(path, versionArgs, { env, encoding: "utf8", timeout: 30_000 });
  if (probe.status !== 0)
    return { error: `${name} does not run: ${`${probe.stdout}${probe.stderr}`.trim().split("\n")[0]}` };
  return { path, version: probe.stdout.trim().split("\n")[0] };
}

async function bundle(platform, format, entry = "bundle-entry.mjs") {
  const { build } = await import("esbuild");
  const name = entry.replace(/\.mjs$/, "");
  const outfile = join(scratch, `${name}-${platform}.${format === "esm" ? "mjs" : "js"}`);
  await build({
    entryPoints: [join(here, entry)],
    outfile,
    bundle: true,
    platform,
    format,
    globalName:
      format === "iife" ? (entry === "bundle-entry.mjs" ? "colloquySmoke" : "colloquyProxySmoke") : undefined,
    target: "es2022",
    // The bundle imports the published entry (dist/index.js), not the sources.
    conditions: ["import"],
    mainFields: ["module", "main"],
    logLevel: "error",
  });
  return outfile;
}

/** Runs a script of this folder in Bun (from node_modules/.bin) against the mock; the detail names Bun's version. */
async function runInBun(script) {
  const bun = localBinary("bun", ["--version"]);
  if (bun.error) return { status: "unavailable", detail: bun.error };
  const result = await runChild(bun.path, [script, mock.url]);
  return { ...result, detail: `${result.detail} [bun ${bun.version}]` };
}

/**
 * Runs a script of this folder in Deno against the mock, with network access to `allowNet` only, file
 * reads allowed and no environment access; the detail names Deno's version.
 */
async function runInDeno(script, allowNet) {
  const deno = localBinary("deno", ["--version"]);
  if (deno.error) return { status: "unavailable", detail: deno.error };
  const result = await runChild(deno.path, [
    "run",
    "--no-prompt",
    `--allow-net=${allowNet}`,
    "--allow-read",
    script,
    mock.url,
  ]);
  return { ...result, detail: `${result.detail} [${deno.version}]` };
}

/**
 * Bundles `entry` as a script, evaluates it in an edge runtime (@edge-runtime/vm) and calls `smoke`
 * (a function of the bundle's global) with the mock's URL; the detail is what it resolves with.
 */
async function runInEdge(entry, smoke) {
  let EdgeVM;
  try {
    ({ EdgeVM } = await import("@edge-runtime/vm"));
  } catch (error) {
    return { status: "unavailable", detail: `@edge-runtime/vm cannot load: ${error.message}` };
  }
  const code = readFileSync(await bundle("neutral", "iife", entry), "utf8");
  const vm = new EdgeVM();
  vm.evaluate(code);
  const runtime = vm.evaluate("typeof EdgeRuntime === 'string' && typeof process === 'undefined'");
  if (!runtime)
    return { status: "failed", detail: "not an edge context (EdgeRuntime missing or process present)" };
  try {
    const summary = await vm.evaluate(`${smoke}(${JSON.stringify(mock.url)})`);
    return { status: "ok", detail: summary };
  } catch (error) {
    return { status: "failed", detail: String(error?.stack ?? error).slice(0, 400) };
  }
}

const runtimes = [
  {
    name: "node (ESM import)",
    run: () => runChild(process.execPath, ["node-esm.mjs", mock.url]),
  },
  {
    name: "node (CJS require)",
    run: () => runChild(process.execPath, ["node-cjs.cjs", mock.url]),
  },
  {
    name: "bun",
    run: () => runInBun("node-esm.mjs"),
  },
  {
    name: "deno",
    // No --allow-env: the client must cope with Deno refusing environment reads.
    run: () => runInDeno("node-esm.mjs", `127.0.0.1:${mock.port}`),
  },
  {
    name: "edge (@edge-runtime/vm)",
    run: () => runInEdge("bundle-entry.mjs", "colloquySmoke.runSmoke"),
  },
  {
    name: "proxy in node",
    run: () => runChild(process.execPath, ["proxy-esm.mjs", mock.url]),
  },
  {
    name: "proxy in bun",
    run: () => runInBun("proxy-esm.mjs"),
  },
  {
    name: "proxy in deno",
    // No --allow-env: the proxy is given its key, and reading the environment must not be needed.
    // Loopback only, any port: Deno.serve listens on a free one.
    run: () => runInDeno("proxy-esm.mjs", "127.0.0.1"),
  },
  {
    name: "proxy in edge (@edge-runtime/vm)",
    run: () => runInEdge("proxy-bundle-entry.mjs", "colloquyProxySmoke.runProxySmoke"),
  },
  {
    name: "chromium (headless, browser bundle)",
    run: async () => {
      let executablePath = process.env.CHROMIUM_PATH;
      if (!executablePath) {
        try {
          executablePath = execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
        } catch {
          return { status: "unavailable", detail: "chromium is not installed (apt-get install chromium)" };
        }
      }
      const { chromium } = await import("playwright-core");
      const script = readFileSync(await bundle("browser", "esm"));
      const page = `<!doctype html><meta charset="utf-8"><title>smoke</title>
<script type="module">
import { runSmoke } from "./smoke.mjs";
window.smokeResult = runSmoke(${JSON.stringify(mock.url)}, { dangerouslyAllowBrowser: true }).then(
  (summary) => ({ ok: true, summary }),
  (error) => ({ ok: false, error: String(error && error.stack || error) }),
);
</script>`;
      const server = createServer((request, response) => {
        if (request.url === "/smoke.mjs")
          response.writeHead(200, { "content-type": "text/javascript" }).end(script);
        else if (request.url === "/") response.writeHead(200, { "content-type": "text/html" }).end(page);
        else response.writeHead(404).end();
      });
      await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      try {
        const tab = await browser.newPage();
        const errors = [];
        tab.on("pageerror", (error) => errors.push(error.message));
        await tab.goto(`http://127.0.0.1:${server.address().port}/`);
        await tab.waitForFunction(() => window.smokeResult !== undefined, null, { timeout: 30_000 });
        const result = await tab.evaluate(() => window.smokeResult);
        const userAgent = await tab.evaluate(() => navigator.userAgent);
        if (errors.length) return { status: "failed", detail: `page errors: ${errors.join(" | ")}` };
        const version = userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? "?";
        return result.ok
          ? { status: "ok", detail: `${result.summary} [chromium ${version}]` }
          : { status: "failed", detail: result.error.slice(0, 400) };
      } finally {
        await browser.close();
        await new Promise((closed) => server.close(closed));
      }
    },
  },
];

let passed = 0;
let failed = 0;
try {
  for (const runtime of runtimes) {
    let result;
    try {
      result = await runtime.run();
    } catch (error) {
      result = { status: "failed", detail: String(error?.stack ?? error).slice(0, 400) };
    }
    if (result.status === "ok") passed++;
    if (result.status === "failed") failed++;
    const label = result.status === "ok" ? "ok" : result.status === "failed" ? "FAILED" : "unavailable";
    console.log(`${runtime.name}: ${label}: ${result.detail}`);
  }
} finally {
  await mock.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`runtimes: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
