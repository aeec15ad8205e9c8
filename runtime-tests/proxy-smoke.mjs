// The proxy's smoke test, run in every server runtime: `createAnthropicProxy` from the built package, in
// front of the mock API (its real upstream, over loopback), and the client's own smoke test through it
// (create, stream, a typed 404), plus a refusal only the proxy gives (a route outside its allow-list).
import { smoke } from "./smoke-core.mjs";

const PREFIX = "/api/anthropic";

/**
 * @param {Record<string, unknown>} client the loaded `@colloquy/client` module
 * @param {{ createAnthropicProxy: Function }} proxyModule the loaded `@colloquy/proxy` module
 * @param {string} upstreamURL the mock API
 * @param {(handler: (request: Request) => Promise<Response>) => Promise<{ url: string, close(): Promise<void> | void }>} [serve]
 *   the runtime's own server (`Bun.serve`, `Deno.serve`); without it the client calls the handler in process
 * @returns {Promise<string>} a one-line summary; throws on any mismatch
 */
export async function proxySmoke(client, proxyModule, upstreamURL, serve) {
  const proxy = proxyModule.createAnthropicProxy({
    apiKey: "sk-ant-smoke-0000",
    baseURL: upstreamURL,
    prefix: PREFIX,
    allowAnonymous: true,
    maxTokens: 1024,
  });
  const server = serve ? await serve(proxy) : undefined;
  try {
    const base = `${server?.url ?? "http://proxy.local"}${PREFIX}`;
    const options = server
      ? { apiKey: "browser-has-no-key" }
      : { apiKey: "browser-has-no-key", fetch: (input, init) => proxy(new Request(input, init)) };
    const summary = await smoke(client, base, options);

    const refused = await (server ? fetch(`${base}/v1/files`) : proxy(new Request(`${base}/v1/files`)));
    const body = await refused.json();
    if (refused.status !== 404 || body?.error?.type !== "not_found_error")
      throw new Error(`a route outside the allow-list answered ${refused.status} ${JSON.stringify(body)}`);
    const how = server ? "served by the runtime's own server" : "called in process";
    return `through the proxy (${how}): ${summary}; /v1/files refused 404`;
  } finally {
    await server?.close();
  }
}
