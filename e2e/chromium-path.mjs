// Where Debian's chromium lives, for vitest browser mode and the e2e scripts. Playwright needs an
// absolute executablePath (a bare "chromium" fails); CHROMIUM_PATH overrides the lookup.
import { execSync } from "node:child_process";

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return (
      execSync("command -v chromium || command -v chromium-browser", {
        shell: "/bin/sh",
        encoding: "utf8",
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

export const chromiumPath = findChromium();

/** Flags for a headless chromium in a container: no sandbox, no GPU, no background network chatter. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
