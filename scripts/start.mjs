#!/usr/bin/env node
// `npm start`: the embedded mock API on loopback plus the demo app's Vite dev server, in one process.
// Environment: PORT (app, default 5173), MOCK_API_PORT (default 4010), MOCK_STREAM_DELAY_MS (default 25),
// MOCK_BATCH_PROCESSING_MS (default 8000). Ctrl-C stops both.
import { fileURLToPath } from "node:url";
import { createServer } from "vite";
import { loadMockApiNode } from "../apps/chat/server/load-mock-api.mjs";

const host = "127.0.0.1";
const appDir = fileURLToPath(new URL("../apps/chat/", import.meta.url));

function numberFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const port = numberFromEnv("PORT", 5173);
const mockPort = numberFromEnv("MOCK_API_PORT", 4010);

const { startMockApi } = await loadMockApiNode();
const mock = await startMockApi({
  port: mockPort,
  host,
  streamDelayMs: numberFromEnv("MOCK_STREAM_DELAY_MS", 25),
  batchProcessingMs: numberFromEnv("MOCK_BATCH_PROCESSING_MS", 8000),
  // The demo shows progress bars moving; the real API keeps every request "processing" until the end.
  progressiveBatchCounts: true,
});
const mockUrl = mock.url.replace(/\/+$/, "");
// Vite hands VITE_* variables of its environment to the app (import.meta.env).
process.env.VITE_MOCK_API_URL = mockUrl;

let server;
try {
  server = await createServer({
    root: appDir,
    configFile: `${appDir}vite.config.ts`,
    server: { host, port, strictPort: true },
  });
  await server.listen();
} catch (error) {
  await mock.close();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

console.log(`Colloquy demo: http://${host}:${port}/ (mock API at ${mockUrl})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([server.close(), mock.close()]);
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
