// Node CJS: `require` of the built package (its dist/index.cjs).
const client = require("@colloquy/client");

const resolved = require.resolve("@colloquy/client");
if (!resolved.endsWith(".cjs")) {
  console.log(`FAILED: require resolved ${resolved}, not the CJS build`);
  process.exit(1);
}
import("./smoke-core.mjs")
  .then(({ smoke }) => smoke(client, process.argv[2]))
  .then(
    (summary) => console.log(`ok: ${summary}`),
    (error) => {
      console.log(`FAILED: ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
