import { useQuery } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient, ModelListParams } from "./internal/types.js";
import { modelQueryOptions, modelsQueryOptions } from "./query-options.js";

/**
 * Every model the key can use (all pages), newest first, cached for five minutes.
 *
 * @example
 * const { data: models = [] } = useModels();
 * <select>{models.map((model) => <option key={model.id}>{model.display_name}</option>)}</select>
 */
export function useModels(
  params: ModelListParams = {},
  options: { client?: AnthropicClient | undefined } = {},
) {
  const client = useAnthropicClient("useModels", options.client);
  return useQuery(modelsQueryOptions(client, params));
}

/** One model's details by id (or alias). */
export function useModel(modelId: string, options: { client?: AnthropicClient | undefined } = {}) {
  const client = useAnthropicClient("useModel", options.client);
  return useQuery(modelQueryOptions(client, modelId));
}
