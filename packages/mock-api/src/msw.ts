import { type HttpHandler, http } from "msw";
import { createMockApi, type MockApi, type MockApiOptions } from "./create-mock-api.js";

/** The real API's base URL, always intercepted. */
export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

/** Options of {@link createMockApiHandlers}. */
export interface MockApiHandlersOptions extends Omit<MockApiOptions, "baseURL"> {
  /**
   * Extra base URLs to intercept besides `https://api.anthropic.com` (e.g. a proxy route
   * `http://localhost:5173/api/anthropic`). The path of each is the `basePath` of the requests it
   * intercepts: `http://localhost:5173/api/anthropic` serves `/api/anthropic/v1/messages`, and any
   * other path under it is a 404 as on the real API. `results_url` uses each request's origin and path.
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
  return bases.map((base) => {
    const basePath = new URL(base).pathname;
    return http.all(`${base}/*`, ({ request }) => api.handle(request, { basePath }));
  });
}

export type { MockApi, MockApiOptions } from "./create-mock-api.js";
