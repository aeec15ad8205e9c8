// The official cloud SDKs against the cloud faces, over loopback: they move the client's own
// `anthropic-version` (2026-10-21 in @anthropic-ai/sdk 1.17) into the body, which the faces must accept.
import { AnthropicBedrock } from "@anthropic-ai/bedrock-sdk";
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from "@anthropic-ai/sdk";
import { AnthropicVertex } from "@anthropic-ai/vertex-sdk";
import { describe, expect, it } from "vitest";
import { BEDROCK_MOCK_CREDENTIALS } from "./bedrock-mock.js";
import { startBedrockMockApi, startVertexMockApi } from "./node.js";
import { clientOnFace, closedAfterEach, cloudClientSuite, failure } from "./test-cloud-client-suite.js";
import { VERTEX_MOCK_ACCESS_TOKEN } from "./vertex-mock.js";

/** The official SDK's `anthropic-version`, which its cloud clients send as the body's `anthropic_version`. */
const OFFICIAL_API_VERSION = "2026-10-21";
const BEDROCK_MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const VERTEX_MODEL = "claude-sonnet-4-5@20250929";
/** A plain request in the official SDK's own parameter types. */
const request = (model: string) => ({
  model,
  max_tokens: 256,
  messages: [{ role: "user" as const, content: "Hi" }],
});

/**
 * Stands in for google-auth-library: the official Vertex client asks its auth client only for
 * `getRequestHeaders()` (a `Headers`) and reads `projectId` when the client has none.
 */
function stubGoogleAuthClient(token: string, projectId?: string) {
  return { projectId, getRequestHeaders: async () => new Headers({ authorization: `Bearer ${token}` }) };
}

async function officialBedrock(options: { wrongCredentials?: boolean; maxRetries?: number } = {}) {
  return clientOnFace(
    await startBedrockMockApi({ port: 0 }),
    (baseURL, fetch) =>
      new AnthropicBedrock({
        awsRegion: "us-east-1",
        awsAccessKey: BEDROCK_MOCK_CREDENTIALS.accessKeyId,
        awsSecretKey: options.wrongCredentials ? "not-the-secret" : BEDROCK_MOCK_CREDENTIALS.secretAccessKey,
        apiKey: null,
        baseURL,
        maxRetries: options.maxRetries ?? 2,
        fetch,
      }),
  );
}

async function officialVertex(
  options: { wrongCredentials?: boolean; maxRetries?: number; projectId?: string | null } = {},
) {
  const token = options.wrongCredentials ? "ya29.wrong" : VERTEX_MOCK_ACCESS_TOKEN;
  return clientOnFace(
    await startVertexMockApi({ port: 0, projectId: "colloquy-test", region: "us-east5" }),
    (url, fetch) =>
      new AnthropicVertex({
        region: "us-east5",
        projectId: options.projectId === undefined ? "colloquy-test" : options.projectId,
        baseURL: `${url}/v1`,
        // The stub has only what the client calls, not the whole google-auth-library AuthClient type.
        authClient: stubGoogleAuthClient(token, "colloquy-test") as never,
        maxRetries: options.maxRetries ?? 2,
        fetch,
      }),
  );
}

cloudClientSuite({
  name: "the official AnthropicBedrock (@anthropic-ai/bedrock-sdk)",
  model: BEDROCK_MODEL,
  setup: officialBedrock,
  wire: {
    // The official client leaves the ":" of the model id unescaped; the face decodes either form.
    create: /^\/model\/anthropic\.claude-sonnet-4-5-20250929-v1(:|%3A)0\/invoke$/,
    stream: /^\/model\/anthropic\.claude-sonnet-4-5-20250929-v1(:|%3A)0\/invoke-with-response-stream$/,
    anthropicVersion: OFFICIAL_API_VERSION,
  },
  errors: {
    auth: { type: PermissionDeniedError, status: 403, message: /signature we calculated does not match/ },
    rateLimit: RateLimitError,
    overloadedMidStream: { type: APIError, message: /modelStreamErrorException/ },
    dropped: APIConnectionError,
    userAbort: APIUserAbortError,
  },
});

cloudClientSuite({
  name: "the official AnthropicVertex (@anthropic-ai/vertex-sdk)",
  model: VERTEX_MODEL,
  setup: officialVertex,
  wire: {
    create:
      /\/projects\/colloquy-test\/locations\/us-east5\/publishers\/anthropic\/models\/claude-sonnet-4-5@20250929:rawPredict$/,
    stream: /\/models\/claude-sonnet-4-5@20250929:streamRawPredict$/,
    countTokens:
      /\/projects\/colloquy-test\/locations\/us-east5\/publishers\/anthropic\/models\/count-tokens:rawPredict$/,
    anthropicVersion: OFFICIAL_API_VERSION,
  },
  errors: {
    auth: { type: AuthenticationError, status: 401, message: /invalid authentication credentials/ },
    rateLimit: RateLimitError,
    overloadedMidStream: { type: APIError, message: /overloaded_error/ },
    dropped: APIConnectionError,
    userAbort: APIUserAbortError,
  },
});

describe("what the official cloud SDKs send, and how the faces answer it", () => {
  const bedrock = closedAfterEach(officialBedrock);
  const vertex = closedAfterEach(officialVertex);

  it("Bedrock: the body carries the client's anthropic-version, and the face answers under it", async () => {
    const { client, sent } = await bedrock();
    // 2026-10-21 takes no sampling parameters: the face serves the body under that version, as the API would.
    // The official 1.x types have no `temperature` any more, hence the cast.
    const body = { ...request(BEDROCK_MODEL), temperature: 0.5 } as ReturnType<typeof request>;
    const error = await failure(client.messages.create(body));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
    expect((error as Error).message).toContain("temperature: Extra inputs are not permitted");
    expect(JSON.parse(sent[0]?.body ?? "{}").anthropic_version).toBe(OFFICIAL_API_VERSION);
  });

  it("Bedrock: the beta header travels in the body as anthropic_beta", async () => {
    const { client, sent } = await bedrock();
    const message = await client.messages.create(request(BEDROCK_MODEL), {
      headers: { "anthropic-beta": "beta-one,beta-two" },
    });
    expect(message.type).toBe("message");
    expect(JSON.parse(sent[0]?.body ?? "{}").anthropic_beta).toEqual(["beta-one", "beta-two"]);
  });

  it("Bedrock: a Bedrock API key goes as a bearer token instead of a signature", async () => {
    const server = await startBedrockMockApi({ port: 0, apiKeys: ["bedrock-api-key"] });
    try {
      const client = new AnthropicBedrock({
        awsRegion: "us-east-1",
        apiKey: "bedrock-api-key",
        baseURL: server.url,
      });
      expect((await client.messages.create(request(BEDROCK_MODEL))).type).toBe("message");
      const refused = new AnthropicBedrock({
        awsRegion: "us-east-1",
        apiKey: "other-key",
        baseURL: server.url,
      });
      const error = await failure(refused.messages.create(request(BEDROCK_MODEL)));
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect((error as Error).message).toContain("API Key is valid");
    } finally {
      await server.close();
    }
  });

  it("Vertex: the project comes from the auth client when the client has none", async () => {
    const { client, sent } = await vertex({ projectId: null });
    expect((await client.messages.create(request(VERTEX_MODEL))).type).toBe("message");
    expect(new URL(sent[0]?.url ?? "").pathname).toContain("/projects/colloquy-test/");
    expect(sent[0]?.headers.get("authorization")).toBe(`Bearer ${VERTEX_MOCK_ACCESS_TOKEN}`);
  });
});
