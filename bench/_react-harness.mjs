// Shared by the React benchmarks (files starting with "_" are not run by `npm run bench`): the app
// bundle of our sources, the mock API behind a loopback server in a child process, and jsdom globals.
//
//   node bench/_react-harness.mjs --server <bundle>   (started by startServer; prints {"url": ...})
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = `${root}node_modules/.cache/colloquy-bench`;

if (process.argv[2] === "--server") await serveMock(process.argv[3]);

/**
 * The mock API behind a loopback server that writes each SSE event as its own write, yielding to the
 * event loop between two (`setImmediate`, no timer): the fastest pace at which events still arrive as
 * separate network reads, as they do from the real API. Events that pile up while the client is busy
 * are read together, as on a real connection.
 */
async function serveMock(bundlePath) {
  const { createServer } = await import("node:http");
  const { createMockApi } = await import(pathToFileURL(bundlePath).href);
  const api = createMockApi({ streamDelayMs: 0 });
  const server = createServer(async (incoming, outgoing) => {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${incoming.url}`, {
      method: incoming.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const response = await api.handle(request);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    const body = await response.text();
    if (!response.headers.get("content-type")?.includes("text/event-stream")) {
      outgoing.end(body);
      return;
    }
    const paceMs = Number(incoming.headers["x-bench-pace-ms"] ?? 0);
    for (const event of body.split("\n\n")) {
      if (event.length === 0) continue;
      if (!outgoing.write(`${event}\n\n`)) await new Promise((resolve) => outgoing.once("drain", resolve));
      if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
      else await new Promise((resolve) => setImmediate(resolve));
    }
    outgoing.end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Bundles the client, the React hooks and the mock API from their sources into one ESM file. */
export async function bundle() {
  const { build } = await import("esbuild");
  mkdirSync(outDir, { recursive: true });
  const alias = {
    "@colloquy/client": `${root}packages/client/src/index.ts`,
    "@colloquy/react": `${root}packages/react/src/index.ts`,
    "@colloquy/mock-api": `${root}packages/mock-api/src/index.ts`,
  };
  const common = {
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    alias,
  };
  await build({
    ...common,
    stdin: {
      contents: `export { default as Anthropic } from "@colloquy/client";
        export { useMessageStream } from "@colloquy/react";
        export { createMockApi } from "@colloquy/mock-api";`,
      resolveDir: root,
      loader: "ts",
    },
    external: ["react", "react-dom", "react/jsx-runtime", "@tanstack/react-query", "msw", "jsdom"],
    outfile: `${outDir}/react-render-app.mjs`,
  });
  return `${outDir}/react-render-app.mjs`;
}

/** Starts the mock API behind a loopback server in a child process; resolves with its URL and `stop`. */
export function startServer(bundlePath) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--server", bundlePath], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const line = buffer.split("\n")[0];
      if (buffer.includes("\n")) resolve({ url: JSON.parse(line).url, stop: () => child.kill("SIGTERM") });
    });
    child.on("exit", (code) => reject(new Error(`mock server exited with ${code}`)));
    // Never leave the server behind, whatever ends this process.
    process.on("exit", () => child.kill("SIGKILL"));
  });
}

/**
 * Loads React, react-dom's `createRoot` and the app bundle (call it after `installDom`), and makes a
 * client of the bundle for the mock server at `serverUrl`: no retries, allowed in the browser-like
 * jsdom; `options` are added to the client's.
 */
export async function loadApp(bundlePath, serverUrl, options = {}) {
  const React = await import("react");
  const { createRoot } = await import("react-dom/client");
  const app = await import(pathToFileURL(bundlePath).href);
  const client = new app.Anthropic({
    apiKey: "bench",
    baseURL: serverUrl,
    maxRetries: 0,
    dangerouslyAllowBrowser: true,
    ...options,
  });
  return { React, createRoot, app, client, ...streamViews(React, app, client) };
}

/**
 * The two views the React benches compare; each streams `params` (with `headers`) and shows its text in
 * one paragraph, calling `onDelta` on each text delta and `onDone` when the stream has ended.
 * HookView uses `useMessageStream`; NaiveView calls `setState` on every text delta, which shows each
 * delta in the next commit (the fastest React can).
 */
function streamViews(React, app, client) {
  const h = React.createElement;
  function HookView({ params, headers, onDelta, onDone }) {
    const stream = app.useMessageStream({ client, onText: onDelta, onFinish: onDone });
    React.useEffect(() => {
      void stream.send(params, { headers });
    }, []);
    return h("p", null, stream.text);
  }
  function NaiveView({ params, headers, onDelta, onDone = () => {} }) {
    const [text, setText] = React.useState("");
    React.useEffect(() => {
      const stream = client.messages.stream(params, { headers });
      stream.on("text", (delta) => {
        onDelta();
        setText((previous) => previous + delta);
      });
      stream.finalMessage().then(onDone, onDone);
      return () => stream.abort();
    }, []);
    return h("p", null, text);
  }
  return { HookView, NaiveView };
}

/** Makes jsdom's window the global scope React renders into, with real animation frames. */
export function installDom(JSDOM) {
  const dom = new JSDOM("<!doctype html><html><body><div id=root></div></body></html>", {
    pretendToBeVisual: true,
    url: "http://localhost/",
  });
  const { window } = dom;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in globalThis) continue;
    try {
      globalThis[key] = window[key];
    } catch {
      // Some jsdom members are getters that refuse a foreign `this`; React does not need them.
    }
  }
  globalThis.window = window;
  globalThis.document = window.document;
  globalThis.requestAnimationFrame = window.requestAnimationFrame.bind(window);
  globalThis.cancelAnimationFrame = window.cancelAnimationFrame.bind(window);
  globalThis.IS_REACT_ACT_ENVIRONMENT = false;
  return window;
}
