// The gzip bytes each client module adds to the browser bundle of the measured snippet (bench/client-bundle-size.mjs):
// the bundle gzipped whole, minus the bundle gzipped without that module. For size work; not run by `npm run bench`.
//   node bench/_gzip-by-module.mjs
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { budgetBytes, bundleOptions } from "./client-bundle-size.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Whitespace kept, so that esbuild's `// path` comment still opens each module's part.
const r = await build({
  ...bundleOptions("./packages/client/src/index.ts", root),
  minify: false,
  minifySyntax: true,
  minifyIdentifiers: true,
});
const text = r.outputFiles[0].text;
const parts = text.split(/^(?=\/\/ (?:packages|entry)\S*$)/m);
const gz = async (s) => {
  const t = await transform(s, { minifyWhitespace: true, loader: "js" });
  return gzipSync(t.code, { level: 9 }).length;
};
const total = await gz(text);
console.log("total gzip", total, `(budget ${budgetBytes})`);
const rows = [];
for (let i = 0; i < parts.length; i++) {
  const name = parts[i].split("\n")[0];
  const rest = parts.filter((_, j) => j !== i).join("");
  rows.push([total - (await gz(rest)), name]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const [d, n] of rows) console.log(String(d).padStart(6), n);
