export type { AwsCredentials, AwsCredentialsProvider } from "./aws-credentials.js";
export {
  AnthropicBedrock,
  AnthropicBedrock as default,
  BEDROCK_API_VERSION,
  type BedrockClientOptions,
  type BedrockMessages,
} from "./bedrock-client.js";
export { bedrockEventStream, bedrockExceptionError, EVENT_STREAM_CONTENT_TYPE } from "./bedrock-stream.js";
export {
  EventStreamDecoder,
  EventStreamFramingError,
  type EventStreamHeaderValue,
  type EventStreamMessage,
} from "./event-stream-decoder.js";
export { type RequestToSign, type SigningScope, signRequest } from "./sign-request.js";
