// The mock takes the client's wire types as types only: no run-time import of @colloquy/client.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(dir, file));
}

// A build of its own, in a temporary directory, so it never races another test's build of dist/. It
// emits without type-checking (`--noCheck`): the client's declarations, which the type-only imports
// need, may not be built yet, and what is checked here is the emitted JavaScript.
const outDir = mkdtempSync(join(tmpdir(), "mock-api-build-"));
beforeAll(() => {
  const options = [
    "--outDir",
    outDir,
    "--composite",
    "false",
    "--declaration",
    "false",
    "--declarationMap",
    "false",
    "--noCheck",
  ];
  execFileSync(`${repoRoot}node_modules/.bin/tsc`, ["-p", `${packageDir}tsconfig.build.json`, ...options], {
    stdio: "pipe",
  });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("package boundaries", () => {
  it("imports @colloquy/client only with `import type` in its sources", () => {
    const imports = filesUnder(join(packageDir, "src"), ".ts").flatMap((file) =>
      [
        ...readFileSync(file, "utf8").matchAll(/^(import|export)\b[^;]*?from "@colloquy\/client[^"]*";/gms),
      ].map((match) => ({ file, statement: match[0] })),
    );
    expect(imports.length).toBeGreaterThan(0);
    for (const { file, statement } of imports) expect(statement, file).toMatch(/^(import|export) type /);
  });

  it("has no run-time reference to @colloquy/client in the built JavaScript", () => {
    const built = filesUnder(outDir, ".js");
    expect(built.length).toBeGreaterThan(10);
    for (const file of built) expect(readFileSync(file, "utf8"), file).not.toContain("@colloquy/client");
  });

  it("declares the client for its published types without installing it at run time", () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
    expect(manifest.dependencies?.["@colloquy/client"]).toBeUndefined();
    expect(manifest.peerDependencies?.["@colloquy/client"]).toBeDefined();
    expect(manifest.peerDependenciesMeta?.["@colloquy/client"]).toEqual({ optional: true });
  });
});
