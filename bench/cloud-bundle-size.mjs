#!/usr/bin/env node
// Browser bundle size (esbuild, minified, gzip -9) of "create a cloud client and stream a message with a
// text listener", for @colloquy/bedrock and @colloquy/vertex, dependencies (aws4fetch, eventsource-parser)
// bundled in. Bundled from the sources, so it needs no build. Goal: each under 15 KB; exits 1 past it.
// Also prints the share of @colloquy/client (with eventsource-parser) in each bundle: the gzip bytes the
// bundle loses when the client is left out, so a change in the client shows as such.
//   node bench/cloud-bundle-size.mjs
import { fileURLToPath } from "node:url";
import { constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const goalBytes = 15 * 1024;

const entries = {
  bedrock: `
    import { AnthropicBedrock } from "@colloquy/bedrock";
    const client = new AnthropicBedrock({ awsRegion: "us-east-1", credentials: () => window.awsCredentials(), dangerouslyAllowBrowser: true });
    client.messages
      .stream({ model: "anthropic.claude-sonnet-4-5-20250929-v1:0", max_tokens: 1024, messages: [{ role: "user", content: "Hello" }] })
      .on("text", (text) => document.body.append(text));
  `,
  vertex: `
    import { AnthropicVertex } from "@colloquy/vertex";
    const client = new AnthropicVertex({ region: "us-east5", projectId: "my-project", accessToken: () => window.googleToken(), dangerouslyAllowBrowser: true });
    client.messages
      .stream({ model: "claude-sonnet-4-5@20250929", max_tokens: 1024, messages: [{ role: "user", content: "Hello" }] })
      .on("text", (text) => document.body.append(text));
  `,
};

const alias = {
  "@colloquy/client": `${root}packages/client/src/index.ts`,
  "@colloquy/bedrock": `${root}packages/bedrock/src/index.ts`,
  "@colloquy/vertex": `${root}packages/vertex/src/index.ts`,
};

/** The minified bundle of a snippet; `external` modules are left out (imported, not bundled). */
async function bundle(contents, external = []) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    alias: Object.fromEntries(Object.entries(alias).filter(([name]) => !external.includes(name))),
    external,
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0].contents;
}

const gzipped = (code) => gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let over = 0;
for (const [name, contents] of Object.entries(entries)) {
  const code = await bundle(contents);
  const size = gzipped(code);
  const clientShare = size - gzipped(await bundle(contents, ["@colloquy/client"]));
  const verdict = size <= goalBytes ? "within" : "OVER";
  if (size > goalBytes) over++;
  console.log(
    `${name.padEnd(8)} create a client + messages.stream() with a text listener: ${kb(code.length)} minified, ${kb(size)} gzip -9 (${verdict} the ${kb(goalBytes)} goal); @colloquy/client's share ${kb(clientShare)}, the cloud's own ${kb(size - clientShare)}`,
  );
}
if (over) {
  console.log(`${over} bundle(s) over the ${kb(goalBytes)} goal`);
  process.exit(1);
}
