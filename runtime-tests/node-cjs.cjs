// Node CJS: `require` of the built package (its dist/index.cjs), which must export what the ESM build does.
const client = require("@colloquy/client");

async function main() {
  const resolved = require.resolve("@colloquy/client");
  if (!resolved.endsWith(".cjs")) throw new Error(`require resolved ${resolved}, not the CJS build`);
  const esm = await import("@colloquy/client");
  const names = (module) =>
    Object.keys(module)
      .filter((name) => name !== "__esModule" && name !== "module.exports")
      .sort();
  const missing = names(esm).filter((name) => !(name in client));
  if (missing.length) throw new Error(`the CJS build lacks ${missing.join(", ")}`);
  if (client.default === esm.default)
    throw new Error("require and import returned the same module: not a separate CJS build");
  const { smoke } = await import("./smoke-core.mjs");
  return `${await smoke(client, process.argv[2])}, ${names(esm).length} exports as in ESM`;
}

main().then(
  (summary) => console.log(`ok: ${summary}`),
  (error) => {
    console.log(`FAILED: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
