#!/usr/bin/env node
// `npm run test:e2e`: the browser tests. Builds the demo app, serves it with `vite preview`, starts the
// mock API (and a second instance standing in for the real API behind the proxy route), and drives
// Debian's Chromium with playwright-core. Then runs e2e/storybook.e2e.mjs when it exists.
// Flags: `--grep <text>` runs only the app tests whose name contains the text; `--app-only` skips Storybook.
// Last line: `e2e: N passed, N failed`; the exit code is non-zero when anything failed.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { loadMockApiNode } from "../apps/chat/server/load-mock-api.mjs";
import {
  appDir,
  chromiumLaunchOptions,
  freePort,
  repoRoot,
  runCommand,
  runTests,
  startDetached,
  waitForUrl,
} from "./app-harness.mjs";

const args = process.argv.slice(2);
const grepIndex = args.indexOf("--grep");
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
// `--grep` is a substring of the test name, or a /regular expression/ (to pick tests of several areas).
const grepPattern = grep?.startsWith("/") && grep.endsWith("/") ? new RegExp(grep.slice(1, -1)) : null;
const matchesGrep = (name) => (grepPattern ? grepPattern.test(name) : name.includes(grep));
const appOnly = args.includes("--app-only") || grep !== undefined;

const viteBin = fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url));
const testModules = [
  "./app-chat.e2e.mjs",
  "./app-layout.e2e.mjs",
  "./app-shell.e2e.mjs",
  "./app-batches.e2e.mjs",
  "./app-proxy.e2e.mjs",
];
// A fake key with a unique marker, so finding it anywhere in the page's traffic or the bundle is a real leak.
const secret = `sk-ant-test-SECRET-${randomUUID()}`;
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  STORYBOOK_DISABLE_TELEMETRY: "1",
};

let passed = 0;
let failed = 0;
const cleanups = [];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  cleanups.length = 0;
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}

try {
  console.log("e2e: starting the mock APIs");
  const { startMockApi } = await loadMockApiNode();
  const mock = await startMockApi({
    port: 0,
    host: "127.0.0.1",
    streamDelayMs: 12,
    batchProcessingMs: 4000,
    progressiveBatchCounts: true,
  });
  cleanups.push(() => mock.close());
  const upstream = await startMockApi({ port: 0, host: "127.0.0.1", apiKey: secret, streamDelayMs: 5 });
  cleanups.push(() => upstream.close());

  console.log(
    "e2e: building apps/chat (with the fake key in the build's environment, to prove it stays out)",
  );
  await runCommand(process.execPath, [viteBin, "build", "--logLevel", "warn"], {
    cwd: appDir,
    env: { ...env, VITE_MOCK_API_URL: mock.url, ANTHROPIC_API_KEY: secret },
  });

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const preview = startDetached(
    process.execPath,
    [viteBin, "preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
    { cwd: appDir, env: { ...env, PROXY_TARGET_URL: upstream.url, ANTHROPIC_API_KEY: secret } },
  );
  cleanups.push(() => preview.stop());
  await waitForUrl(`${baseURL}/`, { process: preview });

  const browser = await chromium.launch({ headless: true, ...(await chromiumLaunchOptions()) });
  cleanups.push(() => browser.close());

  const fixtures = { secret, mockUrl: mock.url, upstreamUrl: upstream.url, distDir: `${appDir}dist/` };
  for (const modulePath of testModules) {
    const { tests } = await import(modulePath);
    const selected = grep ? tests.filter((test) => matchesGrep(test.name)) : tests;
    if (selected.length === 0) continue;
    console.log(`e2e: ${modulePath.replace("./", "e2e/")}`);
    const result = await runTests(selected, { browser, baseURL, fixtures });
    passed += result.passed;
    failed += result.failed;
  }
} catch (error) {
  failed++;
  console.error(`e2e: setup failed: ${error?.stack ?? error}`);
} finally {
  await cleanUp();
}

const storybookScript = fileURLToPath(new URL("./storybook.e2e.mjs", import.meta.url));
if (!appOnly && existsSync(storybookScript)) {
  console.log("e2e: e2e/storybook.e2e.mjs");
  const storybook = startDetached(process.execPath, [storybookScript], { cwd: repoRoot, env });
  cleanups.push(() => storybook.stop());
  // Relay its output indented, so its own summary line is not counted twice by whoever sums these lines.
  for (const [stream, target] of [
    [storybook.child.stdout, process.stdout],
    [storybook.child.stderr, process.stderr],
  ]) {
    let pending = "";
    stream.on("data", (chunk) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) target.write(`  | ${line}\n`);
    });
    stream.on("end", () => pending && target.write(`  | ${pending}\n`));
  }
  const code = await new Promise((resolve) => storybook.child.once("exit", (exitCode) => resolve(exitCode)));
  await cleanUp();
  const summary = [...storybook.output().matchAll(/e2e: (\d+) passed, (\d+) failed/g)].at(-1);
  if (summary) {
    passed += Number(summary[1]);
    failed += Number(summary[2]);
  }
  if (!summary || (code !== 0 && Number(summary[2]) === 0)) failed++;
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
