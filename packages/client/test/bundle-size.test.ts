/**
 * The browser bundle of "create a client and `messages.stream()` with a `text` listener", built from the
 * sources as bench/client-bundle-size.mjs builds it from `dist`: esbuild, browser, minified, gzip -9,
 * eventsource-parser bundled in.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { budgetBytes, goalBytes, measure } from "../../../bench/client-bundle-size.mjs";

/**
 * A growth guard, above issue 14's budget of 9.75 KB (`budgetBytes`, which `npm run bench` holds the
 * bundle to and reports as exceeded). On 2026-12-04 the bundle measured 11,675 B: the official SDK's
 * surface that issue 13 added (request building, header params, response ids, httpAgent, forward-compatible
 * streams) costs about 1.3 KB, and no required behaviour could be cut to pay for it. The guard keeps the
 * bundle from growing further until the budget is decided again; see the notes on issues 13 and 14.
 */
const ceilingBytes = 11.5 * 1024;

/** The bench's own measure, of the sources rather than `dist`. */
const bundleSizes = () => measure("./src/index.ts", fileURLToPath(new URL("..", import.meta.url)));

describe("browser bundle size", () => {
  it("does not let a client with messages.stream() and a text listener grow past its ceiling", async () => {
    const { minified, gzipped, modules } = await bundleSizes();
    console.log(
      `@colloquy/client browser bundle: ${gzipped} B gzip -9 (${(gzipped / 1024).toFixed(2)} KB; ${minified} B minified); growth guard ${ceilingBytes} B, budget ${budgetBytes} B, goal ${goalBytes} B`,
    );
    // The measure bundles eventsource-parser in, as an app's bundler does.
    expect(modules.some(({ path }) => path.includes("eventsource-parser"))).toBe(true);
    expect(gzipped).toBeLessThanOrEqual(ceilingBytes);
  }, 30_000);
});
