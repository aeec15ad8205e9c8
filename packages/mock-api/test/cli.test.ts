import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawHeaders } from "./helpers.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
let child: ChildProcess | undefined;

beforeAll(() => {
  // The bin runs the built file, so build it first (tsc -b is incremental and takes about a second).
  execFileSync(`${repoRoot}node_modules/.bin/tsc`, ["-b", `${packageDir}tsconfig.build.json`], {
    stdio: "pipe",
  });
}, 60_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

function waitForLine(process: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = "";
    process.stdout?.setEncoding("utf8");
    process.stdout?.on("data", (chunk: string) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) resolve(match);
    });
    process.once("exit", (code) => reject(new Error(`exited with ${code} before printing: ${output}`)));
  });
}

describe("colloquy-mock-api CLI", () => {
  it("prints its URL, serves requests and exits 0 on SIGTERM", async () => {
    child = spawn(process.execPath, [`${packageDir}dist/cli.js`, "--port", "0", "--stream-delay-ms", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const match = await waitForLine(child, /Mock Anthropic API listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const url = match[1];
    const response = await fetch(`${url}/v1/models?limit=1`, { headers: rawHeaders });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toHaveLength(1);

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
  }, 30_000);

  it("takes the base path, rate limits and latency from flags", async () => {
    const server = spawn(
      process.execPath,
      [
        `${packageDir}dist/cli.js`,
        "--port=0",
        "--base-path",
        "/api",
        "--requests-per-minute",
        "1",
        "--latency-ms",
        "1",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const [, url] = await waitForLine(server, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      expect((await fetch(`${url}/v1/models`, { headers: rawHeaders })).status).toBe(404);
      const send = () =>
        fetch(`${url}/api/v1/messages`, {
          method: "POST",
          headers: rawHeaders,
          body: JSON.stringify({
            model: "claude-sonnet-4-6",
            max_tokens: 16,
            messages: [{ role: "user", content: "Hi" }],
          }),
        });
      const first = await send();
      expect(first.status).toBe(200);
      expect(first.headers.get("anthropic-ratelimit-requests-limit")).toBe("1");
      expect((await send()).status).toBe(429);
    } finally {
      const exited = once(server, "exit");
      server.kill("SIGTERM");
      await exited;
    }
  }, 30_000);

  it("refuses an unknown option with exit code 2", async () => {
    const bad = spawn(process.execPath, [`${packageDir}dist/cli.js`, "--colour"], { stdio: "pipe" });
    const [code] = await once(bad, "exit");
    expect(code).toBe(2);
  });
});
