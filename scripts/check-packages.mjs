#!/usr/bin/env node
// Checks what each package under packages/ would publish:
//   publint --strict                        package.json fields, exports, files (warnings fail)
//   attw --pack --profile node16            types resolve and match the JS for import and require
//   npm pack --dry-run                      no tests, stories or fixtures in the tarball
// It builds first (`npm run build`; pass --no-build to skip) and prints one line per package and a
// last line `packages: N passed, N failed`; the exit code is non-zero when one fails.
//
// attw runs with the node16 profile: `moduleResolution: node10` (which ignores `exports`, so every
// subpath export "fails" there) is deprecated in TypeScript 6 and removed in 7.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
const run = (command, args, cwd = root) =>
  spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

if (!process.argv.includes("--no-build")) {
  const build = run("npm", ["run", "build"]);
  if (build.status !== 0) {
    console.log(build.stdout.slice(-3000), build.stderr.slice(-3000));
    console.log("build: FAILED (see above); checking what was built");
  }
}

const packagesDir = join(root, "packages");
const packageDirs = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).private);

/** Published paths that look like tests, stories or fixtures. */
const unwanted = /(^|\/)(test|tests|__tests__|fixtures?|__fixtures__)\/|\.(test|spec|stories)\.|(^|\/)test-[^/]*$/;

function checkPublint(dir) {
  const result = run("npx", ["publint", "--strict", "."], dir);
  const output = `${result.stdout}${result.stderr}`;
  const problems = output
    .split("\n")
    .filter((line) => /^\d+\. /.test(line.trim()))
    .map((line) => line.trim());
  const errorsOrWarnings = /^(Errors|Warnings):/m.test(output);
  if (result.status !== 0 || errorsOrWarnings) return { ok: false, detail: `publint: ${problems.join(" | ") || output.trim().slice(-400)}` };
  return { ok: true, detail: problems.length ? `publint ok (${problems.length} suggestion${problems.length > 1 ? "s" : ""})` : "publint ok" };
}

function checkTypes(dir) {
  const result = run("npx", ["attw", "--pack", ".", "--profile", "node16", "--format", "json"], dir);
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return { ok: false, detail: `attw: ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" ")}` };
  }
  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter((problem) => problem.resolutionKind !== "node10");
  if (problems.length === 0) return { ok: true, detail: "attw ok" };
  const summary = [...new Set(problems.map((problem) => `${problem.kind}${problem.entrypoint ? ` ${problem.entrypoint}` : ""}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ""}`))];
  return { ok: false, detail: `attw: ${summary.join(", ")}` };
}

function checkFiles(dir) {
  const result = run("npm", ["pack", "--dry-run", "--json"], dir);
  let files;
  try {
    files = JSON.parse(result.stdout)[0].files.map((file) => file.path);
  } catch {
    return { ok: false, detail: `npm pack: ${result.stderr.trim().split("\n").slice(-2).join(" ")}` };
  }
  const bad = files.filter((path) => unwanted.test(path));
  if (bad.length) return { ok: false, detail: `published test files: ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ", …" : ""}` };
  return { ok: true, detail: `${files.length} files, no tests` };
}

let passed = 0;
let failed = 0;
for (const dir of packageDirs) {
  const { name } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const checks = [checkPublint(dir), checkTypes(dir), checkFiles(dir)];
  const ok = checks.every((check) => check.ok);
  if (ok) passed++;
  else failed++;
  console.log(`${name} (${relative(root, dir)}): ${ok ? "ok" : "FAILED"}: ${checks.map((check) => check.detail).join("; ")}`);
}
console.log(`packages: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
