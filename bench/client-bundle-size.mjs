#!/usr/bin/env node
// Browser bundle size of "create a client and messages.stream() with a text listener": esbuild,
// minified, then gzip -9, with eventsource-parser (our one dependency) bundled in, as an app's bundler
// does. Prints ours, the official SDK's and eventsource-parser's share (the gzip bytes the bundle loses
// without it), the minified bytes of each module, and exits 1 past the budget. The same measure, from the sources, runs in `npm test` (packages/client/test/bundle-size.test.ts);
// this script also compares the official SDK.
//
//   node bench/client-bundle-size.mjs              (bundles packages/client/dist: build it first)
//   node bench/client-bundle-size.mjs --src        (bundles packages/client/src: no build needed)
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The CI ceiling of issue 14 (also asserted by the size test). */
export const budgetBytes = 9.75 * 1024;
/** The goal of issue 14: printed, not enforced. */
export const goalBytes = 9.25 * 1024;

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/** The snippet measured, importing the client from `specifier`. */
export function entrySource(specifier) {
  return [
    `import Anthropic from ${JSON.stringify(specifier)};`,
    `const client = new Anthropic({ dangerouslyAllowBrowser: true, apiKey: "x" });`,
    "client.messages",
    `  .stream({ model: "claude-sonnet-4-6", max_tokens: 1024, messages: [{ role: "user", content: "Hello" }] })`,
    `  .on("text", (text) => console.log(text));`,
  ].join("\n");
}

/** The esbuild options every size measure of the snippet shares: a browser ESM bundle, minified. */
export function bundleOptions(specifier, resolveDir) {
  return {
    stdin: { contents: entrySource(specifier), resolveDir, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  };
}

/**
 * Bundles the snippet for the browser, minified; returns the minified and gzip -9 sizes in bytes, and
 * the minified bytes each input module contributes, largest first.
 */
export async function measure(specifier, resolveDir) {
  const result = await build({ ...bundleOptions(specifier, resolveDir), metafile: true });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, modules };
}

/**
 * The gzip bytes a dependency adds: the bundle's gzip size minus that of the same bundle with the
 * dependency left external (not bundled).
 */
export async function dependencyShare(specifier, resolveDir, dependency) {
  const whole = await measure(specifier, resolveDir);
  const result = await build({ ...bundleOptions(specifier, resolveDir), external: [dependency] });
  return whole.gzipped - gzipSync(result.outputFiles[0].contents, { level: 9 }).byteLength;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const ours = process.argv.includes("--src")
    ? "./packages/client/src/index.ts"
    : "./packages/client/dist/index.js";
  const rows = [["@colloquy/client", ours]];
  rows.push(["@anthropic-ai/sdk (official)", "@anthropic-ai/sdk"]);
  let failed = false;
  console.log(`browser bundle of "new Anthropic(...) + messages.stream().on('text')", minified, gzip -9:`);
  for (const [name, specifier] of rows) {
    try {
      const { minified, gzipped, modules } = await measure(specifier, root);
      const isOurs = name.startsWith("@colloquy");
      let verdict = "";
      if (isOurs) {
        const budget = gzipped <= budgetBytes ? "met" : "EXCEEDED";
        const goal = gzipped <= goalBytes ? "met" : "not met";
        verdict = `  (budget ${kilobytes(budgetBytes)}: ${budget}; goal ${kilobytes(goalBytes)}: ${goal})`;
        if (gzipped > budgetBytes) failed = true;
      }
      console.log(
        `  ${name.padEnd(30)} ${kilobytes(gzipped).padStart(9)} gzip (${gzipped} B; ${minified} B minified)${verdict}`,
      );
      if (isOurs) {
        const share = await dependencyShare(specifier, root, "eventsource-parser");
        console.log(
          `    of which eventsource-parser: ${share} B gzip (the bundle without it is that much smaller)`,
        );
        console.log("    minified bytes by module:");
        for (const { path, bytes } of modules) console.log(`    ${String(bytes).padStart(7)}  ${path}`);
      }
    } catch (error) {
      console.log(`  ${name.padEnd(30)} could not bundle: ${error.message.split("\n")[0]}`);
      if (name.startsWith("@colloquy")) failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}
