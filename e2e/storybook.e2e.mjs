#!/usr/bin/env node
// Serves the static Storybook (storybook-static/, from `npm run build-storybook`), opens the main
// stories in headless chromium in the light and the dark theme, waits for each to finish rendering
// (play functions included), opens every component's docs page, and saves screenshots to
// test-results/screenshots/.
// Prints `e2e: N passed, N failed`.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "./chromium-path.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const staticDir = join(root, "storybook-static");
const outDir = join(root, "test-results", "screenshots");
// biome-ignore lint/suspicious/noUndeclaredEnvVars: an optional override for running two copies side by side
const port = Number(process.env.STORYBOOK_E2E_PORT ?? 6007);
const base = `http://127.0.0.1:${port}`;

const mainStories = [
  "chat-chat--default",
  "chat-chat--error",
  "chat-chatview--default",
  "chat-chatview--rate-limited",
  "chat-chatview--long-line",
  "chat-messageview--all-block-kinds",
  "blocks-markdown--default",
  "blocks-contentblock--text-with-citations",
  "blocks-contentblock--tool-use",
  "status-usagemeter--default",
  "status-errornotice--rate-limited",
  "batches-batchtable--default",
  "batches-batchresults--default",
  "models-modelselect--default",
];
const themes = ["light", "dark"];

if (!existsSync(join(staticDir, "index.json"))) {
  console.error("storybook-static/ is missing: run `npm run build-storybook` first.");
  console.log("e2e: 0 passed, 1 failed");
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(staticDir, "index.json"), "utf8"));

async function waitForServer(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

const server = spawn(
  "npx",
  [
    "vite",
    "preview",
    "--outDir",
    "storybook-static",
    "--port",
    String(port),
    "--strictPort",
    "--host",
    "127.0.0.1",
  ],
  {
    cwd: root,
    detached: true,
    stdio: "ignore",
  },
);
const stopServer = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
};

let passed = 0;
let failed = 0;
const profile = mkdtempSync(join(tmpdir(), "colloquy-storybook-e2e-"));
let context;
try {
  await waitForServer(`${base}/index.json`);
  mkdirSync(outDir, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ["--headless", ...chromiumArgs],
    viewport: { width: 1000, height: 720 },
  });
  await context.addInitScript(() => {
    const timer = setInterval(() => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      if (!channel) return;
      clearInterval(timer);
      channel.on("storyFinished", (event) => {
        window.__colloquyStoryStatus = event?.status ?? "success";
      });
    }, 5);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  for (const id of mainStories) {
    for (const theme of themes) {
      const name = `${id}--${theme}`;
      try {
        if (!index.entries[id]) throw new Error(`story ${id} is not in index.json`);
        const errors = [];
        const onError = (error) => errors.push(error.message);
        page.on("pageerror", onError);
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`);
        const rootElement = page.locator("#storybook-root");
        await rootElement.locator(":scope > *").first().waitFor({ state: "visible", timeout: 15_000 });
        // Wait for the story's render, play function included, to finish (Storybook emits
        // `storyFinished` on its channel; the init script below records it).
        const status = await page.waitForFunction(() => window.__colloquyStoryStatus ?? false, undefined, {
          timeout: 30_000,
        });
        if ((await status.jsonValue()) !== "success")
          throw new Error(`story finished with ${await status.jsonValue()}`);
        await page.waitForFunction(
          () => {
            const busy = document.querySelector('[aria-busy="true"], .cq-composer[data-state="streaming"]');
            return busy === null;
          },
          undefined,
          { timeout: 20_000 },
        );
        const shownTheme = await page.locator(".cq-story-frame").getAttribute("data-theme");
        if (shownTheme !== theme) throw new Error(`expected theme ${theme}, got ${shownTheme}`);
        if (await page.locator(".sb-show-errordisplay").count()) throw new Error("Storybook showed an error");
        await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
        page.off("pageerror", onError);
        if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
        passed += 1;
        console.log(`ok   ${name}`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  // Every component has a docs page (autodocs): each stories file gets one, and it renders the
  // component's props table and its stories without an error.
  try {
    const titles = new Set(Object.values(index.entries).map((entry) => entry.title));
    const docs = Object.values(index.entries).filter((entry) => entry.type === "docs");
    const missing = [...titles].filter((title) => !docs.some((entry) => entry.title === title));
    if (missing.length > 0) throw new Error(`no docs page for ${missing.join(", ")}`);
    for (const entry of docs) {
      const errors = [];
      const onError = (error) => errors.push(error.message);
      page.on("pageerror", onError);
      await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=docs`);
      const table = page.locator(".docblock-argstable").first();
      await table.waitFor({ state: "visible", timeout: 20_000 });
      // Callback props are actions: none is offered as a JSON control.
      const callbackControls = await table
        .locator("textarea, input, select")
        .evaluateAll((controls) =>
          controls.map((control) => control.name).filter((name) => /^on[A-Z]/.test(name)),
        );
      if (callbackControls.length > 0)
        throw new Error(`${entry.id}: callback props with a control: ${callbackControls.join(", ")}`);
      page.off("pageerror", onError);
      if (errors.length > 0) throw new Error(`${entry.id}: page errors: ${errors.join("; ")}`);
      if (entry.id === "chat-composer--docs")
        await page.screenshot({ path: join(outDir, "docs-composer.png"), fullPage: true });
    }
    passed += 1;
    console.log(`ok   docs pages (${docs.length})`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL docs pages: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The manager UI around the preview, once, as a smoke check of the whole Storybook.
  try {
    await page.goto(`${base}/?path=/story/chat-chatview--default`);
    await page.frameLocator("#storybook-preview-iframe").locator(".cq-chat").waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(outDir, "manager.png") });
    passed += 1;
    console.log("ok   manager");
  } catch (error) {
    failed += 1;
    console.log(`FAIL manager: ${error instanceof Error ? error.message : String(error)}`);
  }
} catch (error) {
  failed += 1;
  console.log(`FAIL setup: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  stopServer();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
