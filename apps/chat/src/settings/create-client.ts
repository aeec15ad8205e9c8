import Anthropic from "@colloquy/client";
import { type ConnectionSettings, resolveBaseURL } from "./connection-settings";

/** Sent in mock mode, where the embedded API accepts any non-empty key. */
const MOCK_API_KEY = "colloquy-mock-key";

export interface DemoClientContext {
  settings: ConnectionSettings;
  /** The key typed in direct mode (ignored in the other modes). */
  directApiKey: string;
  /** The page's origin, for the same-origin proxy route. */
  origin: string;
  /** The embedded mock API's URL this build was made for. */
  mockApiUrl: string;
}

/**
 * Points absolute API URLs (such as a batch's `results_url`, which names the upstream host) at the proxy
 * route, and drops any `x-api-key`: in proxy mode the browser sends no key at all.
 */
export function createProxyFetch(
  proxyBase: string,
  baseFetch: typeof fetch = (...args) => fetch(...args),
): typeof fetch {
  const toProxyUrl = (url: string) => {
    if (url.startsWith(proxyBase)) return url;
    try {
      const parsed = new URL(url);
      return parsed.pathname.startsWith("/v1/") ? `${proxyBase}${parsed.pathname}${parsed.search}` : url;
    } catch {
      return url;
    }
  };
  return (input, init) => {
    if (input instanceof Request) return baseFetch(new Request(toProxyUrl(input.url), input), init);
    const headers = new Headers(init?.headers);
    headers.delete("x-api-key");
    headers.delete("authorization");
    return baseFetch(toProxyUrl(input instanceof URL ? input.href : input), { ...init, headers });
  };
}

/** The client for the chosen connection mode. */
export function createDemoClient({
  settings,
  directApiKey,
  origin,
  mockApiUrl,
}: DemoClientContext): Anthropic {
  const baseURL = resolveBaseURL(settings, origin, mockApiUrl);
  switch (settings.mode) {
    case "mock":
      return new Anthropic({ apiKey: MOCK_API_KEY, baseURL, dangerouslyAllowBrowser: true });
    case "proxy":
      // The client wants some credential; the proxy fetch removes it and the server adds the real key.
      return new Anthropic({
        apiKey: "held-by-the-proxy",
        baseURL,
        dangerouslyAllowBrowser: true,
        fetch: createProxyFetch(baseURL),
      });
    case "direct":
      return new Anthropic({
        apiKey: directApiKey || null,
        baseURL,
        dangerouslyAllowBrowser: true,
        logLevel: "off",
      });
  }
}
