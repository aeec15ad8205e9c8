import Anthropic, { type Fetch } from "@colloquy/client";

/**
 * A client for tests whose every request goes to `fetch` (a scripted answer or an in-process mock), with
 * no retries of its own and browser use allowed (the tests run in jsdom).
 */
export function clientWithFetch(fetch: Fetch, baseURL = "http://127.0.0.1:1"): Anthropic {
  return new Anthropic({ apiKey: "test-key", baseURL, maxRetries: 0, dangerouslyAllowBrowser: true, fetch });
}
