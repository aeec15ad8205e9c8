// Shared by the benches that start a server in a child process (files starting with "_" are not run by
// `npm run bench`): the mock API's CLI, or a bench file serving the proxy.
import { spawn } from "node:child_process";

/**
 * Starts `node ...args` in its own process (stdout read here, stderr shown as is).
 * `url` resolves with the first `listening on http://…` address the child prints and rejects if the
 * child exits before; `stop()` sends SIGTERM (unless the child has already exited) and resolves with
 * its exit code.
 */
export function startChildServer(args) {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = new Promise((resolve, reject) => {
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once("exit", (code) => resolve(code));
      child.kill("SIGTERM");
    });
  return { child, url, stop };
}

/**
 * Bounds a bench: after `timeoutMs` it prints that `name` gave up, awaits `stop()` (which stops its
 * servers) and exits with code 1. Returns the timer, to clear when the bench is done in time.
 */
export function giveUpAfter(name, timeoutMs, stop) {
  return setTimeout(async () => {
    console.error(`${name}: gave up after ${timeoutMs} ms`);
    await stop();
    process.exit(1);
  }, timeoutMs);
}
