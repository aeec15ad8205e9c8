// Browser tests of the batches page against the built app and the mock API (see e2e/run.mjs).
import { readFile } from "node:fs/promises";
import { check, screenshotPath, shownText } from "./app-harness.mjs";

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
        states.add(await row.getAttribute("data-state"));
        const value = await progress.evaluate((element) => `${element.value}/${element.max}`);
        if (seen.at(-1) !== value) seen.push(value);
        if ((await row.getAttribute("data-state")) === "ended") break;
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
      await row.getByRole("button", { name: `Delete ${id}` }).click();
      await row.waitFor({ state: "detached" });
    },
  },
];
