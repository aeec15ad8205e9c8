#!/usr/bin/env node
// `npm run bench`: builds the packages, then runs every benchmark in bench/ one after another, each
// in its own process. Benchmarks print their own figures; nothing here asserts a time.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const build = spawnSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], {
  stdio: "inherit",
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const only = process.argv[2];
const files = readdirSync("bench")
  .filter((file) => file.endsWith(".mjs") && !file.startsWith("_"))
  .filter((file) => !only || file.includes(only))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, [join("bench", file)], { stdio: "inherit", env });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
