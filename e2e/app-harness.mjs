// Helpers of the app's browser tests: free ports, detached servers killed by process group, Chromium, and
// a tiny sequential test runner that prints `✓`/`✗` lines.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../", import.meta.url));
export const appDir = fileURLToPath(new URL("../apps/chat/", import.meta.url));
/** Screenshots of every page at each size, for a reviewer to look at (gitignored by e2e/.gitignore). */
export const screenshotDir = fileURLToPath(new URL("./screenshots/", import.meta.url));
const axeScript = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));

/** A port nobody listens on right now, on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Runs a command to completion, output inherited; throws on a non-zero exit. */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

/**
 * Starts a long-running process in its own process group (so every child it spawns can be stopped at once).
 * Returns `{ child, output(), stop() }`.
 */
export function startDetached(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }, 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a URL until it answers (any HTTP status) or the time runs out. */
export async function waitForUrl(url, { timeoutMs = 30_000, process: server } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (server && server.child.exitCode !== null) {
        throw new Error(`server exited before answering ${url}:\n${server.output()}`);
      }
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

/** Debian's Chromium and its flags: from e2e/chromium-path.mjs when present, else resolved here alike. */
export async function chromiumLaunchOptions() {
  const shared = fileURLToPath(new URL("./chromium-path.mjs", import.meta.url));
  if (existsSync(shared)) {
    const { chromiumPath, chromiumArgs } = await import("./chromium-path.mjs");
    return { executablePath: chromiumPath, args: chromiumArgs };
  }
  const executablePath =
    process.env.CHROMIUM_PATH ??
    execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  return {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}

export function screenshotPath(name) {
  mkdirSync(screenshotDir, { recursive: true });
  return `${screenshotDir}${name}.png`;
}

/** The two window sizes the app is tested at: a laptop and a phone. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const BOTH_VIEWPORTS = [DESKTOP_VIEWPORT, PHONE_VIEWPORT];

/** A test's runs: one per viewport in `test.viewports` (default: the desktop size only), named by size. */
function expandByViewport(tests) {
  return tests.flatMap((test) => {
    const viewports = test.viewports ?? [DESKTOP_VIEWPORT];
    if (viewports.length === 1) return [{ ...test, viewport: viewports[0] }];
    return viewports.map((viewport) => ({
      ...test,
      name: `${test.name} [${viewport.width}×${viewport.height}]`,
      viewport,
    }));
  });
}

/**
 * At phone size, closes the open drawer (conversations or settings) with its Close button, as a user would
 * before reaching what it covers. Nothing to do at desktop size, where no drawer is ever open.
 */
export async function closeDrawer(page) {
  const opener = page.locator(".chat-drawer-button[aria-expanded='true']");
  if ((await opener.count()) === 0) return;
  const drawer = page.locator(`#${await opener.getAttribute("aria-controls")}`);
  await drawer.getByRole("button", { name: "Close", exact: true }).click();
  await drawer.waitFor({ state: "hidden" });
}

/**
 * Conversations list is in a drawer at phone size: opens it (with the "Conversations" button above the
 * thread, closing the settings drawer first) unless it is already shown, and returns the list.
 */
export async function openConversations(page) {
  const list = page.getByRole("navigation", { name: "Conversations" });
  if (!(await list.isVisible())) {
    await closeDrawer(page);
    await page.getByRole("button", { name: "Conversations", exact: true }).click();
    await list.waitFor();
  }
  return list;
}

/** Same for the conversation settings panel ("Conversation settings" button at phone size). */
export async function openConversationSettings(page) {
  const settings = page.getByRole("complementary", { name: "Conversation settings" });
  if (!(await settings.isVisible())) {
    await closeDrawer(page);
    await page.getByRole("button", { name: "Conversation settings", exact: true }).click();
    await settings.waitFor();
  }
  return settings;
}

/**
 * Runs tests one after another, each in a fresh browser context (empty storage), with a time limit;
 * a test with `viewports: [..]` runs once per size, its name ending in the size.
 * A failing test leaves a screenshot `failed-<name>.png`. Returns `{ passed, failed }`.
 */
export async function runTests(tests, { browser, baseURL, fixtures, timeoutMs = 45_000 }) {
  let passed = 0;
  let failed = 0;
  for (const test of expandByViewport(tests)) {
    const context = await browser.newContext({ baseURL, viewport: test.viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error));
    const started = Date.now();
    let timer;
    try {
      await Promise.race([
        test.run({ page, context, baseURL, viewport: test.viewport, ...fixtures }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (pageErrors.length > 0)
        throw new Error(`uncaught error in the page: ${pageErrors[0].stack ?? pageErrors[0]}`);
      passed++;
      console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(
        `  ✗ ${test.name}\n    ${String(error?.stack ?? error)
          .split("\n")
          .slice(0, 8)
          .join("\n    ")}`,
      );
      const slug = test.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
      await page.screenshot({ path: screenshotPath(`failed-${slug}`), fullPage: true }).catch(() => {});
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => {});
    }
  }
  return { passed, failed };
}

/** Fails with a message unless the condition holds. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The rendered text of a Playwright locator (as a reader sees it, line breaks included). */
export function shownText(locator) {
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node; rendered text is the point
  return locator.innerText();
}

/**
 * Runs axe-core on the page (WCAG 2.x A and AA rules and best practices) and returns its violations of
 * any impact, each as "id (impact): target, target".
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeScript });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
  });
  return violations;
}

/** Fails when axe-core finds a violation of any impact on the page as it is now; `what` names that state. */
export async function checkNoAxeViolations(page, what) {
  const violations = await axeViolations(page);
  check(violations.length === 0, `axe found problems (${what}):\n${violations.join("\n")}`);
}
