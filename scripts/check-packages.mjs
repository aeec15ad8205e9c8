#!/usr/bin/env node
// Checks what each package under packages/ would publish:
//   publint --strict                        package.json fields, exports, files (warnings fail)
//   attw --pack                             types resolve and match the JS: profile node16 for a
//                                           package with a `require` condition, esm-only otherwise
//   npm pack --dry-run                      no tests, stories or fixtures in the tarball
//   sideEffects                             false (or only non-JS files, such as a stylesheet, and shims:
//                                           modules imported for their effect alone)
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
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
};
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
const unwanted =
  /(^|\/)(test|tests|__tests__|fixtures?|__fixtures__)\/|\.(test|spec|stories)\.|(^|\/)test-[^/]*$/;

function checkPublint(dir) {
  const result = run("npx", ["publint", "--strict", "."], dir);
  const output = `${result.stdout}${result.stderr}`;
  const problems = output
    .split("\n")
    .filter((line) => /^\d+\. /.test(line.trim()))
    .map((line) => line.trim());
  const errorsOrWarnings = /^(Errors|Warnings):/m.test(output);
  if (result.status !== 0 || errorsOrWarnings)
    return { ok: false, detail: `publint: ${problems.join(" | ") || output.trim().slice(-400)}` };
  return {
    ok: true,
    detail: problems.length
      ? `publint ok (${problems.length} suggestion${problems.length > 1 ? "s" : ""})`
      : "publint ok",
  };
}

/** Whether an exports map offers a `require` condition anywhere (a dual package) or only `import` (ESM-only). */
function hasRequireCondition(value) {
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, inner]) => key === "require" || hasRequireCondition(inner));
}

/** Subpaths that export files without types by nature (CSS, images): attw cannot check them. */
function assetEntrypoints(exportsMap) {
  if (exportsMap === null || typeof exportsMap !== "object") return [];
  return Object.entries(exportsMap)
    .filter(
      ([key, target]) =>
        key.startsWith(".") && typeof target === "string" && !/\.(c|m)?js$|\.json$/.test(target),
    )
    .map(([key]) => key);
}

function checkTypes(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  // A package without a `require` condition is ESM-only on purpose (Node >= 20.19 can require() it):
  // attw's esm-only profile then skips the CommonJS resolution modes.
  const profile = hasRequireCondition(manifest.exports) ? "node16" : "esm-only";
  const excluded = assetEntrypoints(manifest.exports);
  const args = ["attw", "--pack", ".", "--profile", profile, "--format", "json"];
  if (excluded.length) args.push("--exclude-entrypoints", ...excluded);
  const result = run("npx", args, dir);
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return {
      ok: false,
      detail: `attw: ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" ")}`,
    };
  }
  const ignored = profile === "node16" ? ["node10"] : ["node10", "node16-cjs"];
  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter((problem) => !ignored.includes(problem.resolutionKind));
  const how = `${profile}${excluded.length ? `, without ${excluded.join(" ")}` : ""}`;
  if (problems.length === 0) return { ok: true, detail: `attw ok (${how})` };
  const summary = [
    ...new Set(
      problems.map(
        (problem) =>
          `${problem.kind}${problem.entrypoint ? ` ${problem.entrypoint}` : ""}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ""}`,
      ),
    ),
  ];
  return { ok: false, detail: `attw (${how}): ${summary.join(", ")}` };
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
  if (bad.length)
    return {
      ok: false,
      detail: `published test files: ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ", …" : ""}`,
    };
  return { ok: true, detail: `${files.length} files, no tests` };
}

/**
 * `sideEffects: false`, or a list that names only non-JS files (a stylesheet import has effects) and
 * shims (`dist/shims/…`: a module imported for its effect alone, which a bundler must keep).
 */
function checkSideEffects(dir) {
  const { sideEffects } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (sideEffects === false) return { ok: true, detail: "sideEffects false" };
  const allowed = (glob) => !/\.(c|m)?[jt]sx?$/.test(glob) || /^\.\/dist\/shims\//.test(glob);
  if (Array.isArray(sideEffects) && sideEffects.every(allowed))
    return { ok: true, detail: `sideEffects ${JSON.stringify(sideEffects)}` };
  return { ok: false, detail: `sideEffects is ${JSON.stringify(sideEffects)}, expected false` };
}

let passed = 0;
let failed = 0;
for (const dir of packageDirs) {
  const { name } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const checks = [checkPublint(dir), checkTypes(dir), checkFiles(dir), checkSideEffects(dir)];
  const ok = checks.every((check) => check.ok);
  if (ok) passed++;
  else failed++;
  console.log(
    `${name} (${relative(root, dir)}): ${ok ? "ok" : "FAILED"}: ${checks.map((check) => check.detail).join("; ")}`,
  );
}
console.log(`packages: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
