import { type ListeningServer, type ListenOptions, listenFetchHandler } from "../node.js";
import { type BedrockMock, type BedrockMockOptions, createBedrockMock } from "./bedrock-mock.js";
import { createVertexMock, type VertexMock, type VertexMockOptions } from "./vertex-mock.js";

/** Where a cloud mock listens. */
export type { ListenOptions };

/** A running cloud mock server. */
export interface RunningCloudMock<Face> extends ListeningServer {
  /** The mock face behind the server. */
  mock: Face;
}

async function listenFace<Face>(
  mock: Face,
  handle: (request: Request) => Promise<Response>,
  options: ListenOptions,
): Promise<RunningCloudMock<Face>> {
  return { ...(await listenFetchHandler(handle, options)), mock };
}

/**
 * Starts the Bedrock mock as a real HTTP server on loopback.
 * @example
 * const server = await startBedrockMockApi();
 * const client = new AnthropicBedrock({ baseURL: server.url, awsAccessKey, awsSecretKey });
 */
export function startBedrockMockApi(
  options: BedrockMockOptions & ListenOptions = {},
): Promise<RunningCloudMock<BedrockMock>> {
  const { port, host, ...mockOptions } = options;
  const mock = createBedrockMock(mockOptions);
  return listenFace(mock, (request) => mock.handle(request), { port, host });
}

/**
 * Starts the Vertex mock as a real HTTP server on loopback.
 * @example
 * const server = await startVertexMockApi();
 * const client = new AnthropicVertex({ baseURL: `${server.url}/v1`, region, projectId, accessToken });
 */
export function startVertexMockApi(
  options: VertexMockOptions & ListenOptions = {},
): Promise<RunningCloudMock<VertexMock>> {
  const { port, host, ...mockOptions } = options;
  const mock = createVertexMock(mockOptions);
  return listenFace(mock, (request) => mock.handle(request), { port, host });
}
