import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { workspaceAliases } from "../../vitest.shared.ts";
import { anthropicProxy } from "./server/anthropic-proxy.ts";

// `VITE_MOCK_API_URL` (read by Vite from the environment, default http://127.0.0.1:4010) tells the app
// where the embedded mock API listens. Only `VITE_`-prefixed variables reach the bundle, so the server's
// `ANTHROPIC_API_KEY` never does: the proxy route reads it per request on the server.
export default defineConfig({
  plugins: [react(), anthropicProxy()],
  resolve: { alias: workspaceAliases },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
