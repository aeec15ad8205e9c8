import { type HttpHandler, http } from "msw";
import { createMockApi, type MockApi, type MockApiOptions } from "./create-mock-api.js";

/** The real API's base URL, always intercepted. */
export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

/** Options of {@link createMockApiHandlers}. */
export interface MockApiHandlersOptions extends Omit<MockApiOptions, "baseURL"> {
  /**
   * Extra base URLs to intercept besides `https://api.anthropic.com` (e.g. a proxy route
   * `http://localhost:5173/api/anthropic`). `results_url` uses the origin of each intercepted request.
   */
  baseURL?: string | readonly string[] | undefined;
  /** An existing core to serve (to share state or call `reset()`); otherwise one is created from the options. */
  api?: MockApi | undefined;
}

/**
 * msw 2 handlers serving the mock API, for tests (`setupServer`) and Storybook (`setupWorker`).
 * Streaming responses are real streams.
 *
 * @example
 * const server = setupServer(...createMockApiHandlers());
 */
export function createMockApiHandlers(options: MockApiHandlersOptions = {}): HttpHandler[] {
  const { baseURL, api: givenApi, ...apiOptions } = options;
  const api = givenApi ?? createMockApi(apiOptions);
  const extra = baseURL === undefined ? [] : typeof baseURL === "string" ? [baseURL] : [...baseURL];
  const bases = [...new Set([ANTHROPIC_BASE_URL, ...extra].map((base) => base.replace(/\/+$/, "")))];
  return bases.map((base) => http.all(`${base}/*`, ({ request }) => api.handle(request)));
}

export type { MockApi, MockApiOptions } from "./create-mock-api.js";
