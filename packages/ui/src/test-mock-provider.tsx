// Stories and tests only (excluded from the build): an AnthropicProvider whose client talks to the
// in-process mock API, so live stories really stream without a network or a service worker.
import Anthropic from "@colloquy/client";
import { createMockApi } from "@colloquy/mock-api";
import { AnthropicProvider } from "@colloquy/react";
import type { Decorator } from "@storybook/react-vite";
import { QueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

export interface MockClientOptions {
  /** Pause between stream events. @default 12 */
  streamDelayMs?: number;
  /** How long batches stay in progress. @default 4000 */
  batchProcessingMs?: number;
}

const inJsdom = typeof navigator !== "undefined" && navigator.userAgent.includes("jsdom");

/** A client whose `fetch` calls the mock core directly. Retries are off so error stories show at once. */
export function createMockClient(options: MockClientOptions = {}): Anthropic {
  const mockApi = createMockApi({
    streamDelayMs: options.streamDelayMs ?? 12,
    batchProcessingMs: options.batchProcessingMs ?? 4000,
  });
  return new Anthropic({
    apiKey: "mock",
    baseURL: "https://mock.colloquy.invalid",
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    fetch: (input, init) => {
      // jsdom's AbortSignal is not the one Node's Request accepts; the client cancels the body instead.
      const { signal, ...rest } = init ?? {};
      return mockApi.handle(new Request(input, inJsdom ? rest : { ...rest, signal: signal ?? null }));
    },
  });
}

export function MockApiProvider({ children, ...options }: MockClientOptions & { children: ReactNode }) {
  const [client] = useState(() => createMockClient(options));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <AnthropicProvider client={client} queryClient={queryClient}>
      {children}
    </AnthropicProvider>
  );
}

/** Story decorator: wraps the story in a fresh mock API (per story), options from `parameters.mockApi`. */
export const withMockApi: Decorator = (Story, context) => (
  <MockApiProvider {...((context.parameters.mockApi as MockClientOptions | undefined) ?? {})}>
    <Story />
  </MockApiProvider>
);
