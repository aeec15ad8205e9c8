import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useState } from "react";
import type { AnthropicClient } from "./internal/types.js";

interface AnthropicContextValue {
  client: AnthropicClient;
}

const AnthropicContext = createContext<AnthropicContextValue | null>(null);

/** Props of {@link AnthropicProvider}. */
export interface AnthropicProviderProps {
  /** The `@colloquy/client` instance every hook below uses unless given its own. */
  client: AnthropicClient;
  /**
   * The React Query client that caches messages, batches and models.
   * @default a new `QueryClient` owned by the provider
   */
  queryClient?: QueryClient | undefined;
  children?: ReactNode;
}

/**
 * Makes a client (and a React Query cache) available to the hooks.
 *
 * @example
 * const client = new Anthropic({ apiKey, dangerouslyAllowBrowser: true });
 * <AnthropicProvider client={client}><Chat /></AnthropicProvider>
 */
export function AnthropicProvider({ client, queryClient, children }: AnthropicProviderProps) {
  // Created once even when a queryClient is passed: constructing one has no side effect until mounted.
  const [ownQueryClient] = useState(() => new QueryClient());
  const [value, setValue] = useState<AnthropicContextValue>(() => ({ client }));
  if (value.client !== client) setValue({ client });
  return (
    <AnthropicContext.Provider value={value}>
      <QueryClientProvider client={queryClient ?? ownQueryClient}>{children}</QueryClientProvider>
    </AnthropicContext.Provider>
  );
}

/**
 * The client a hook should use: its own override, else the provider's. Throws a message naming the hook
 * when there is neither.
 */
export function useAnthropicClient(
  hookName = "useAnthropicClient",
  override?: AnthropicClient,
): AnthropicClient {
  const context = useContext(AnthropicContext);
  if (override) return override;
  if (!context) throw new Error(`${hookName} must be used within <AnthropicProvider>`);
  return context.client;
}
