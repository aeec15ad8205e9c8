// The proxy's smoke test, run in every server runtime: `createAnthropicProxy` from the built package, in
// front of the mock API (its real upstream, over loopback), and the client's own smoke test through it
// (create, stream, a typed 404), plus a refusal only the proxy gives (a route outside its allow-list).
import { smoke } from "./smoke-core.mjs";

const PROXY_BASE = "http://proxy.local/api/anthropic";

/**
 * @param {Record<string, unknown>} client the loaded `@colloquy/client` module
 * @param {{ createAnthropicProxy: Function }} proxyModule the loaded `@colloquy/proxy` module
 * @param {string} upstreamURL the mock API
 * @returns {Promise<string>} a one-line summary; throws on any mismatch
 */
export async function proxySmoke(client, proxyModule, upstreamURL) {
  const proxy = proxyModule.createAnthropicProxy({
    apiKey: "sk-ant-smoke-0000",
    baseURL: upstreamURL,
    prefix: "/api/anthropic",
    allowAnonymous: true,
    maxTokens: 1024,
  });
  const fetchThroughProxy = (input, init) => proxy(new Request(input, init));
  const summary = await smoke(client, PROXY_BASE, { apiKey: "browser-has-no-key", fetch: fetchThroughProxy });

  const refused = await proxy(new Request(`${PROXY_BASE}/v1/files`));
  const body = await refused.json();
  if (refused.status !== 404 || body?.error?.type !== "not_found_error")
    throw new Error(`a route outside the allow-list answered ${refused.status} ${JSON.stringify(body)}`);
  return `through the proxy: ${summary}; /v1/files refused 404`;
}
