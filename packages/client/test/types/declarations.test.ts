/**
 * The declarations we publish compile in older TypeScript projects that check libraries
 * (`skipLibCheck: false`): official-usage.ts, code written for the official SDK, is compiled against
 * the client's declarations, built here into a temporary package laid out as the published one
 * (`dist/*.d.ts` for `import`, `dist/cjs/*.d.ts` for `require` and for `moduleResolution: node`), by
 *   - TypeScript 4.5, `moduleResolution: node` (which reads `typesVersions`, not `exports`), lib es2020;
 *   - TypeScript 4.9, `node16`, once as an ES module and once as CommonJS (through `exports`).
 * Both compilers are installed by the compat/ts45 and compat/ts49 workspaces.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const clientDir = fileURLToPath(new URL("../..", import.meta.url));
const repoDir = join(clientDir, "../..");
const requireFromClient = createRequire(join(clientDir, "package.json"));
const compilers = {
  native: join(repoDir, "node_modules/.bin/tsc"),
  ts45: join(repoDir, "compat/ts45/node_modules/.bin/tsc"),
  ts49: join(repoDir, "compat/ts49/node_modules/.bin/tsc"),
};

function run(compiler: string, args: string[], cwd: string) {
  const result = spawnSync(compiler, args, { cwd, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `tsc -p tsconfig.json` in `cwd`, without waiting: the three compiles run side by side. */
function compile(compiler: string, cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(compiler, ["-p", "tsconfig.json"], { cwd });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output: output.trim() }));
  });
}

// `skipDefaultLibCheck` spares checking TypeScript's own lib files (lib.dom.d.ts alone takes seconds);
// every other declaration file, ours first, is checked.
const strict = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  types: [],
  target: "es2020",
};
const lib = ["es2020", "dom", "dom.iterable"];

let project = "";

/** A project folder with the usage file and the given package.json type and compiler options. */
function usageProject(name: string, type: "module" | "commonjs", compilerOptions: object): string {
  const dir = join(project, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type }));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["usage.ts"] }));
  cpSync(join(clientDir, "test/types/official-usage.ts"), join(dir, "usage.ts"));
  return dir;
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "colloquy-declarations-"));
  const packageDir = join(project, "node_modules/@colloquy/client");
  const dist = join(packageDir, "dist");
  const emit = run(
    compilers.native,
    ["-p", "tsconfig.build.json", "--emitDeclarationOnly", "--declarationMap", "false"].concat([
      "--outDir",
      dist,
      "--tsBuildInfoFile",
      join(project, "client.tsbuildinfo"),
    ]),
    clientDir,
  );
  expect(emit.output, "the client's declarations build").toBe("");
  // As scripts/build-cjs.mjs lays them out: a copy under a "commonjs" boundary for `require`.
  cpSync(dist, join(project, "cjs"), { recursive: true });
  cpSync(join(project, "cjs"), join(dist, "cjs"), { recursive: true });
  writeFileSync(join(dist, "cjs/package.json"), JSON.stringify({ type: "commonjs" }));
  cpSync(join(clientDir, "package.json"), join(packageDir, "package.json"));
  // Our declarations import the types of our one dependency.
  const { dependencies } = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8"));
  for (const dependency of Object.keys(dependencies ?? {})) {
    mkdirSync(join(project, "node_modules", dependency, ".."), { recursive: true });
    const installed = dirname(requireFromClient.resolve(`${dependency}/package.json`));
    symlinkSync(installed, join(project, "node_modules", dependency));
  }
}, 60_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the published declarations, with skipLibCheck: false", () => {
  // Started together, awaited by each test.
  let compiles: Record<"node10" | "esm" | "cjs", ReturnType<typeof compile>>;
  beforeAll(() => {
    const node10 = { ...strict, lib, module: "commonjs", moduleResolution: "node", esModuleInterop: true };
    const node16 = { ...strict, lib, module: "node16", moduleResolution: "node16" };
    compiles = {
      node10: compile(compilers.ts45, usageProject("node10", "commonjs", node10)),
      esm: compile(compilers.ts49, usageProject("node16-esm", "module", node16)),
      cjs: compile(compilers.ts49, usageProject("node16-cjs", "commonjs", node16)),
    };
  });

  it("compile official usage under TypeScript 4.5, moduleResolution node, lib es2020", async () => {
    const result = await compiles.node10;
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 60_000);

  it("compile official usage under TypeScript 4.9, node16, as an ES module", async () => {
    const result = await compiles.esm;
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 60_000);

  it("compile official usage under TypeScript 4.9, node16, as CommonJS", async () => {
    const result = await compiles.cjs;
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 60_000);
});
