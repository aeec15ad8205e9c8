import Anthropic from "@colloquy/client";
import { createMockApi } from "@colloquy/mock-api";
import { QueryClient } from "@tanstack/react-query";
import { type RenderOptions, render, renderHook } from "@testing-library/react";
import { http } from "msw";
import { setupServer } from "msw/node";
import { type ReactNode, StrictMode } from "react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { AnthropicProvider } from "../src/anthropic-provider.js";
import type { AnthropicClient } from "../src/internal/types.js";
import { createMockHandlers, type MockHandlersOptions } from "./mock-handlers.js";

/** The model every test uses: it accepts manual thinking budgets in the mock. */
export const MODEL = "claude-sonnet-4-6";
export const BASE_URL = "https://api.anthropic.test";

/** One request the test client sent, as the mock received it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  body: unknown;
  signal: AbortSignal;
}

export interface TestClientOptions {
  maxRetries?: number;
  /** Extra headers for the n-th request (0-based), e.g. an `x-mock-trigger` for the first attempt only. */
  headersFor?: (index: number, request: Request) => Record<string, string> | undefined;
}

/** A client that talks to the msw mock and records every request it sends. */
export function createTestClient({ maxRetries = 1, headersFor }: TestClientOptions = {}) {
  const requests: RecordedRequest[] = [];
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const extra = headersFor?.(requests.length, request);
    for (const [name, value] of Object.entries(extra ?? {})) request.headers.set(name, value);
    const text = request.body ? await request.clone().text() : "";
    requests.push({
      method: request.method,
      url: new URL(request.url),
      body: text ? JSON.parse(text) : undefined,
      signal: request.signal,
    });
    const response = await globalThis.fetch(request);
    if (response.ok) return response;
    // msw 2.15 never settles `body.cancel()` on an intercepted response, and the client awaits it before a
    // retry; a buffered copy of the (small) error body cancels at once.
    const { status, statusText, headers } = response;
    return new Response(await response.arrayBuffer(), { status, statusText, headers });
  };
  const client = new Anthropic({
    apiKey: "test-key",
    baseURL: BASE_URL,
    maxRetries,
    dangerouslyAllowBrowser: true,
    fetch: recordingFetch,
  });
  return { client, requests };
}

/** Starts an msw server with the mock API's handlers for the tests of one file. */
export function startMockServer(options: MockHandlersOptions = {}) {
  const server = setupServer(...createMockHandlers({ baseURL: BASE_URL, ...options }));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/**
 * Routes the next POST /v1/messages requests through a fresh mock core while recording the request
 * signal the mock receives: it aborts when the connection closes, which ends the mock's stream.
 */
export function observeMockConnections(server: ReturnType<typeof startMockServer>) {
  const api = createMockApi();
  const signals: AbortSignal[] = [];
  server.use(
    http.post(`${BASE_URL}/v1/messages`, ({ request }) => {
      signals.push(request.signal);
      return api.handle(request);
    }),
  );
  return signals;
}

/** A QueryClient for tests: no React Query retries beyond what the hooks ask for, no garbage collection. */
export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Number.POSITIVE_INFINITY } } });
}

/** A wrapper with the provider, under StrictMode (every React test renders under it). */
export function createWrapper(client: AnthropicClient, queryClient = createTestQueryClient()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <AnthropicProvider client={client} queryClient={queryClient}>
        {children}
      </AnthropicProvider>
    </StrictMode>
  );
  return wrapper;
}

export function renderStrict(
  ui: ReactNode,
  client: Anthropic,
  queryClient?: QueryClient,
  options?: RenderOptions,
) {
  return render(ui, { wrapper: createWrapper(client, queryClient), ...options });
}

export function renderHookStrict<Result>(
  hook: () => Result,
  client: AnthropicClient,
  queryClient?: QueryClient,
) {
  return renderHook(hook, { wrapper: createWrapper(client, queryClient) });
}

/** The POST /v1/messages requests among the recorded ones. */
export function messageRequests(requests: readonly RecordedRequest[]) {
  return requests.filter((request) => request.method === "POST" && request.url.pathname === "/v1/messages");
}
