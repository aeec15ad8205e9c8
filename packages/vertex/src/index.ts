export {
  type AccessTokenProvider,
  AnthropicVertex,
  AnthropicVertex as default,
  type GoogleAuthLike,
  VERTEX_API_VERSION,
  type VertexClientOptions,
  type VertexMessages,
  vertexBaseURL,
} from "./vertex-client.js";
