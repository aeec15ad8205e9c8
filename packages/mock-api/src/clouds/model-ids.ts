/**
 * The Anthropic model id behind a Bedrock model id, inference profile or ARN:
 * `us.anthropic.claude-sonnet-4-5-20250929-v1:0` → `claude-sonnet-4-5-20250929`.
 */
export function modelFromBedrockId(modelId: string): string {
  const lastSegment = modelId.slice(modelId.lastIndexOf("/") + 1);
  return lastSegment
    .replace(/^(?:us|eu|apac|jp|au|ca|global|us-gov)\./, "")
    .replace(/^anthropic\./, "")
    .replace(/-v\d+(?::\d+)?$/, "");
}

/** The Anthropic model id behind a Vertex model id: `claude-sonnet-4-5@20250929` → `claude-sonnet-4-5-20250929`. */
export function modelFromVertexId(modelId: string): string {
  return modelId.replace("@", "-");
}
