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

/** Creates a mock face from its options and serves its `handle` on loopback. */
async function listenFace<Face extends { handle(request: Request): Promise<Response> }, Options>(
  create: (options: Options) => Face,
  { port, host, ...mockOptions }: Options & ListenOptions,
): Promise<RunningCloudMock<Face>> {
  const mock = create(mockOptions as Options);
  return { ...(await listenFetchHandler((request) => mock.handle(request), { port, host })), mock };
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
  return listenFace(createBedrockMock, options);
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
  return listenFace(createVertexMock, options);
}
