// Browser tests of the batches page against the built app and the mock API (see e2e/run.mjs).
import { readFile } from "node:fs/promises";
import { axeViolations, check, screenshotPath, shownText } from "./app-harness.mjs";

const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the window sideways (0 when nothing overflows). */
const horizontalOverflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Fails unless the element is shown whole: inside the window and not cut by a scrolling or clipping box. */
async function checkNotClipped(locator, what) {
  const clipped = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.left < 0 || box.right > window.innerWidth + 0.5)
      return `outside the window (${box.left}–${box.right})`;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === "visible") continue;
      const outer = parent.getBoundingClientRect();
      if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5)
        return `cut by ${parent.tagName.toLowerCase()}.${parent.className} (${box.left}–${box.right} in ${outer.left}–${outer.right})`;
    }
    return null;
  });
  check(clipped === null, `${what} is clipped: ${clipped}`);
}

async function openBatches(page) {
  await page.goto("/#/batches");
  await page.getByLabel("Prompts").waitFor();
}

/** Creates a batch from pasted lines and returns its id (the newest row). */
async function createBatch(page, lines) {
  await page.getByLabel("Prompts").fill(lines.join("\n"));
  await page.getByText(`${lines.length} requests read as LINES`).waitFor();
  const created = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith("/v1/messages/batches"),
  );
  await page.getByRole("button", { name: "Create batch" }).click();
  const batch = await (await created).json();
  check(
    typeof batch.id === "string" && batch.processing_status === "in_progress",
    "the batch should be created",
  );
  return batch.id;
}

export const tests = [
  {
    name: "batches: results show each prompt and expand a long reply, at 390×844 without sideways scroll",
    async run({ page }) {
      await page.setViewportSize(PHONE);
      await openBatches(page);
      const id = await createBatch(page, ["[[mock: words=90]] Tell me a long story", "Say hello"]);
      const row = page.locator("tr", { hasText: id });
      await page.locator("tr[data-state='ended']", { hasText: id }).waitFor({ timeout: 30_000 });
      await row.getByRole("button", { name: `Results of ${id}` }).click();
      await page.waitForURL(`**/#/batches/${id}`);
      const first = page.locator("tr[data-state='succeeded']", { hasText: "request-1" });
      await first.waitFor();
      check(
        (await shownText(first)).includes("Tell me a long story"),
        `the row should show its prompt: ${await shownText(first)}`,
      );
      const details = first.locator(".cq-batch-result-summary [data-expanded]");
      const short = await shownText(details);
      check(short.endsWith("…"), `a long reply should be cut at first: ${short}`);
      const toggle = first.getByRole("button", { name: "Show all of request-1" });
      await toggle.click();
      const full = await shownText(details);
      check(full.length > short.length && !full.endsWith("…"), "Show all should show the whole reply");
      const shownAll = first.getByRole("button", { name: "Show less of request-1" });
      check(
        (await shownAll.getAttribute("aria-expanded")) === "true",
        "the toggle should say it is expanded",
      );
      check((await horizontalOverflow(page)) <= 0, "the results page overflows sideways");
      const violations = await axeViolations(page);
      check(violations.length === 0, `axe on the batch results:\n${violations.join("\n")}`);
      await page.screenshot({ path: screenshotPath("batch-results-390"), fullPage: true });
    },
  },
  {
    name: "batches: a pasted CSV with a header row is read as CSV, the header is no prompt",
    async run({ page }) {
      await openBatches(page);
      await page
        .getByLabel("Prompts")
        .fill('custom_id,prompt\nsea,"Write a haiku about the sea"\ncolours,Name three colours\n');
      await page.getByText("2 requests read as CSV.").waitFor();
      const created = page.waitForResponse(
        (response) =>
          response.request().method() === "POST" && response.url().endsWith("/v1/messages/batches"),
      );
      await page.getByRole("button", { name: "Create batch" }).click();
      const body = (await created).request().postDataJSON();
      check(
        JSON.stringify(body.requests.map((request) => request.custom_id)) ===
          JSON.stringify(["sea", "colours"]),
        `the CSV's custom_ids should be used: ${JSON.stringify(body.requests.map((request) => request.custom_id))}`,
      );
    },
  },
  {
    name: "batches: at 1280×800 the row actions and the Format select are shown whole",
    async run({ page }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openBatches(page);
      const id = await createBatch(page, ["One", "Two"]);
      const row = page.locator("tr", { hasText: id });
      await row.waitFor();
      await checkNotClipped(page.getByLabel("Format"), "the Format select");
      await checkNotClipped(row.getByRole("button", { name: `Cancel ${id}` }), "the Cancel button");
      await checkNotClipped(row.getByRole("button", { name: `Delete ${id}` }), "the Delete button");
      await page.screenshot({ path: screenshotPath("batches-1280") });
    },
  },
  {
    name: "batches: at 390×844 nothing scrolls sideways and axe finds no violation",
    async run({ page }) {
      await page.setViewportSize(PHONE);
      await openBatches(page);
      check((await horizontalOverflow(page)) <= 0, "the empty batches page overflows sideways");
      const empty = await axeViolations(page);
      check(empty.length === 0, `axe on the empty batches page:\n${empty.join("\n")}`);
      const id = await createBatch(page, ["One", "Two"]);
      const row = page.locator("tr", { hasText: id });
      await row.waitFor();
      check((await horizontalOverflow(page)) <= 0, "the batches page overflows sideways with a batch");
      await checkNotClipped(row.getByRole("button", { name: `Cancel ${id}` }), "the Cancel button");
      const listed = await axeViolations(page);
      check(listed.length === 0, `axe on the batches page with a batch:\n${listed.join("\n")}`);
      await page.screenshot({ path: screenshotPath("batches-390"), fullPage: true });
    },
  },
  {
    name: "batches: a batch from pasted prompts processes to the end and shows its results",
    async run({ page }) {
      await openBatches(page);
      const id = await createBatch(page, ["Write a haiku about the sea", "Name three colours", "Say hello"]);
      const row = page.locator("tr", { hasText: id });
      await row.waitFor();
      const progress = row.locator("progress");
      const seen = [];
      const states = new Set();
      for (;;) {
        // The state is read before the bar: both come from one render, so once the state read says
        // "ended" the bar read after it shows the final counts (reading the state again after the bar
        // could see "ended" while the bar last read was from the render before).
        const state = await row.getAttribute("data-state");
        states.add(state);
        const value = await progress.evaluate((element) => `${element.value}/${element.max}`);
        if (seen.at(-1) !== value) seen.push(value);
        if (state === "ended") break;
        await page.waitForTimeout(150);
      }
      check(states.has("in_progress"), `the batch should be seen in progress (${[...states].join(", ")})`);
      // The mock moves request_counts as requests finish (progressiveBatchCounts), so the bar moves.
      const done = seen.map((value) => Number(value.split("/")[0]));
      check(
        seen[0] !== "3/3" &&
          seen.at(-1) === "3/3" &&
          done.every((value, index) => index === 0 || value >= done[index - 1]),
        `the progress bar should move up to 3/3 (${seen.join(", ")})`,
      );
      await page.screenshot({ path: screenshotPath("batches"), fullPage: false });

      await row.getByRole("button", { name: `Results of ${id}` }).click();
      await page.waitForURL(`**/#/batches/${id}`);
      await page.locator("tr[data-state='succeeded']", { hasText: "request-3" }).waitFor();
      const ids = await page.locator("tr[data-state='succeeded']").allInnerTexts();
      for (const customId of ["request-1", "request-2", "request-3"]) {
        check(
          ids.some((text) => text.includes(customId)),
          `no succeeded result for ${customId}`,
        );
      }
      await page.screenshot({ path: screenshotPath("batch-results"), fullPage: false });

      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download results (JSONL)" }).click();
      const file = await (await download).path();
      const lines = (await readFile(file, "utf8"))
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      check(lines.length === 3, `the JSONL should have 3 lines, has ${lines.length}`);
      check(
        lines.every((line) => line.result.type === "succeeded" && line.result.message.type === "message"),
        "every downloaded line should be a succeeded result with its message",
      );
    },
  },
  {
    name: "batches: an uploaded CSV is read, and a batch can be canceled then deleted",
    async run({ page }) {
      await openBatches(page);
      await page.getByLabel("Upload a CSV or JSONL file").setInputFiles({
        name: "prompts.csv",
        mimeType: "text/csv",
        buffer: Buffer.from('custom_id,prompt\nfirst,"Hello, world"\nsecond,Goodbye\n'),
      });
      await page.getByText("2 requests read as CSV from prompts.csv").waitFor();
      check(
        (await page.getByLabel("Prompts").inputValue()).includes("Hello, world"),
        "the file should fill the box",
      );
      await page.getByLabel("Prompts").fill("");

      const id = await createBatch(page, ["one", "two", "three", "four", "five", "six"]);
      const row = page.locator("tr", { hasText: id });
      await row.getByRole("button", { name: `Cancel ${id}` }).click();
      await page.locator(`tr[data-state='ended']`, { hasText: id }).waitFor();
      const summary = await shownText(row);
      check(/cancel/i.test(summary), `an ended canceled batch should say so: ${summary}`);
      // Deleting asks first (it cannot be undone); "Keep it" keeps the batch.
      await row.getByRole("button", { name: `Delete ${id}` }).click();
      const confirm = page.getByRole("alert").filter({ hasText: "cannot be undone" });
      await confirm.getByRole("button", { name: "Keep it" }).click();
      await confirm.waitFor({ state: "detached" });
      check((await row.count()) === 1, "Keep it should keep the batch");
      await row.getByRole("button", { name: `Delete ${id}` }).click();
      await confirm.getByRole("button", { name: "Delete batch" }).click();
      await row.waitFor({ state: "detached" });
    },
  },
];
