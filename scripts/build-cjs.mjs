#!/usr/bin/env node
// The CommonJS build of @colloquy/client, run after `tsc -b` has written the ESM build:
//   dist/index.cjs, dist/shims/{web,node}.cjs  esbuild bundles (eventsource-parser stays external)
//   dist/cjs/**/*.d.ts                         the same declarations, in a folder whose package.json
//                                              says "commonjs", so TypeScript reads them as CJS types
// `require("@colloquy/client")` returns the module namespace, as the types say: take `.default` or
// `{ Anthropic }` (a callable `module.exports` would need `export =` types, which attw checks for).
//
// Usage: node scripts/build-cjs.mjs [packageDir]   (default: packages/client, or the current
// directory when it is the client package)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const inClient =
  existsSync("package.json") && JSON.parse(readFileSync("package.json", "utf8")).name === "@colloquy/client";
const packageDir = resolve(process.argv[2] ?? (inClient ? "." : join(root, "packages/client")));
const dist = join(packageDir, "dist");
if (!existsSync(join(dist, "index.d.ts"))) {
  console.error(`build-cjs: ${relative(root, dist)}/index.d.ts is missing: run tsc -b first`);
  process.exit(1);
}

const { dependencies = {}, peerDependencies = {} } = JSON.parse(
  readFileSync(join(packageDir, "package.json"), "utf8"),
);
const external = [...Object.keys(dependencies), ...Object.keys(peerDependencies)];

await build({
  entryPoints: { index: join(packageDir, "src/index.ts") },
  outdir: dist,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "neutral",
  target: "es2022",
  external,
  sourcemap: true,
  logLevel: "warning",
});

const shims = join(packageDir, "src/shims");
if (existsSync(shims)) {
  await build({
    entryPoints: readdirSync(shims)
      .filter((name) => name.endsWith(".ts") && !name.includes(".test."))
      .map((name) => join(shims, name)),
    outdir: join(dist, "shims"),
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "neutral",
    target: "es2022",
    external,
    logLevel: "warning",
  });
}

// Declarations for `require`: the ESM ones, copied under a `"type": "commonjs"` boundary.
const typesOut = join(dist, "cjs");
rmSync(typesOut, { recursive: true, force: true });
let copied = 0;
const copyDeclarations = (from, to) => {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (source === typesOut) continue;
    if (statSync(source).isDirectory()) {
      copyDeclarations(source, join(to, name));
    } else if (name.endsWith(".d.ts")) {
      mkdirSync(to, { recursive: true });
      // The declaration maps point at the ESM copies' sources; drop the link rather than mislead.
      const text = readFileSync(source, "utf8").replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
      writeFileSync(join(to, name), text);
      copied++;
    }
  }
};
copyDeclarations(dist, typesOut);
writeFileSync(join(typesOut, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

// `require()` of the `./resources/*` subpaths (official SDK paths): each module re-exports its values
// from the bundle, so that a class is the same object whichever path it is required from. The values
// are matched by identity through the ESM build (`resources/beta` exports `BetaMessages` as `Messages`);
// a value the index does not export fails the build.
const esmIndex = await import(pathToFileURL(join(dist, "index.js")).href);
const indexNameOf = new Map(Object.entries(esmIndex).map(([name, value]) => [value, name]));
const { exports: exportsMap } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
let proxies = 0;
const writeProxies = async (folder) => {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const source = join(folder, name);
    if (statSync(source).isDirectory()) await writeProxies(source);
    if (!name.endsWith(".js") || name.includes(".test.")) continue;
    const subpath = `./${relative(dist, source).replace(/\\/g, "/").replace(/\.js$/, "")}`;
    if (exportsMap[subpath] === null) continue; // not published
    const lines = Object.entries(await import(pathToFileURL(source).href)).map(([exported, value]) => {
      const inIndex = indexNameOf.get(value);
      if (!inIndex) throw new Error(`build-cjs: ${subpath} exports ${exported}, which index.js does not`);
      return `exports.${exported} = index.${inIndex};`;
    });
    const back = relative(dirname(source), join(dist, "index.cjs")).replace(/\\/g, "/");
    const text = `"use strict";\nconst index = require("${back}");\n${lines.join("\n")}\n`;
    writeFileSync(source.replace(/\.js$/, ".cjs"), text);
    proxies++;
  }
};
await writeProxies(join(dist, "resources"));

console.log(
  `build-cjs: ${relative(root, join(dist, "index.cjs"))}, ${proxies} resources/* re-export modules and ${copied} CJS declaration files`,
);
