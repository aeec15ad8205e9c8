#!/usr/bin/env node
// `npm test`: type-checks every workspace, then runs every vitest project once and prints one
// closing line `N passed, N failed` (CI reads it to know tests ran).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  STORYBOOK_DISABLE_TELEMETRY: "1",
};
const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;

const extra = process.argv.slice(2);
if (!extra.includes("--no-typecheck")) {
  const status = run("npx", ["turbo", "run", "typecheck", "--output-logs=errors-only"]);
  if (status !== 0) {
    console.log("typecheck: 0 passed, 1 failed");
    process.exit(status);
  }
}

// The Storybook project runs in Debian's Chromium: without it (a fresh machine), say so and run the rest.
const hasChromium =
  !!process.env.CHROMIUM_PATH ||
  spawnSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).status === 0;
const projectArgs = [];
if (!hasChromium && existsSync(".storybook")) {
  console.log(
    "storybook: skipped (no chromium on this machine: `apt-get install chromium` to run the Storybook tests)",
  );
  for (const project of ["client", "mock-api", "react", "ui", "bedrock", "vertex", "chat"])
    projectArgs.push("--project", project);
}

const dir = mkdtempSync(join(tmpdir(), "colloquy-test-"));
const report = join(dir, "vitest.json");
const vitestArgs = extra.filter((arg) => arg !== "--no-typecheck");
const status = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...projectArgs,
  ...vitestArgs,
]);
let summary;
try {
  summary = JSON.parse(readFileSync(report, "utf8"));
} catch {
  console.log("vitest: 0 passed, 1 failed");
  process.exit(status || 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const failed =
  summary.numFailedTests +
  (summary.numFailedTestSuites > 0 && summary.numFailedTests === 0 ? summary.numFailedTestSuites : 0);
console.log(
  `vitest: ${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`,
);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
