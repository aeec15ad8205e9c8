export {
  BEDROCK_ANTHROPIC_VERSION,
  BEDROCK_MOCK_CREDENTIALS,
  type BedrockMock,
  type BedrockMockOptions,
  createBedrockMock,
} from "./bedrock-mock.js";
export type { CloudFaceOptions } from "./cloud-face.js";
export { crc32 } from "./crc32.js";
export {
  base64OfText,
  type EventStreamHeaders,
  encodeBedrockChunk,
  encodeBedrockException,
  encodeEventStreamMessage,
} from "./event-stream-encoder.js";
export { modelFromBedrockId, modelFromVertexId } from "./model-ids.js";
export {
  canonicalRequest,
  type MockAwsCredentials,
  type SignatureFailure,
  signatureOf,
  type VerifyOptions,
  verifySigV4,
} from "./sigv4-verifier.js";
export {
  createVertexMock,
  VERTEX_ANTHROPIC_VERSION,
  VERTEX_MOCK_ACCESS_TOKEN,
  type VertexMock,
  type VertexMockOptions,
} from "./vertex-mock.js";
