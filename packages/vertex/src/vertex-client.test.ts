import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  OverloadedError,
  PermissionDeniedError,
  RateLimitError,
} from "@colloquy/client";
import { VERTEX_MOCK_ACCESS_TOKEN, type VertexMockOptions } from "@colloquy/mock-api/clouds";
import { startVertexMockApi } from "@colloquy/mock-api/clouds/node";
import {
  clientOnFace,
  closedAfterEach,
  cloudClientSuite,
  countedProvider,
  failure,
  paramsFor,
} from "@colloquy/mock-api/clouds/test-cloud-client-suite";
import { describe, expect, it } from "vitest";
import { AnthropicVertex, type VertexClientOptions } from "./index.js";

const MODEL = "claude-sonnet-4-5@20250929";
const params = paramsFor(MODEL);

/** Starts the Vertex face on loopback (project `colloquy-test`, `us-east5`) and a client with the face's token. */
async function startClient(clientOptions: VertexClientOptions = {}, mockOptions: VertexMockOptions = {}) {
  return clientOnFace(
    await startVertexMockApi({ projectId: "colloquy-test", region: "us-east5", ...mockOptions }),
    (url, fetch) =>
      new AnthropicVertex({
        region: "us-east5",
        projectId: "colloquy-test",
        accessToken: VERTEX_MOCK_ACCESS_TOKEN,
        baseURL: `${url}/v1`,
        fetch,
        ...clientOptions,
      }),
  );
}

cloudClientSuite({
  name: "@colloquy/vertex",
  model: MODEL,
  setup: ({ wrongCredentials, maxRetries, idleTimeout, onCredentials } = {}) =>
    startClient({
      maxRetries,
      idleTimeout,
      ...(wrongCredentials ? { accessToken: "ya29.wrong" } : {}),
      ...(onCredentials ? { accessToken: countedProvider(VERTEX_MOCK_ACCESS_TOKEN, onCredentials) } : {}),
    }),
  wire: {
    create:
      /^\/v1\/projects\/colloquy-test\/locations\/us-east5\/publishers\/anthropic\/models\/claude-sonnet-4-5@20250929:rawPredict$/,
    stream: /\/models\/claude-sonnet-4-5@20250929:streamRawPredict$/,
    countTokens:
      /^\/v1\/projects\/colloquy-test\/locations\/us-east5\/publishers\/anthropic\/models\/count-tokens:rawPredict$/,
    anthropicVersion: "vertex-2023-10-16",
  },
  errors: {
    auth: { type: AuthenticationError, status: 401, message: /invalid authentication credentials/ },
    rateLimit: RateLimitError,
    overloadedMidStream: { type: OverloadedError, message: /Overloaded/ },
    dropped: APIConnectionError,
    userAbort: APIUserAbortError,
  },
  optional: { idleTimeoutError: APIConnectionTimeoutError, credentialsProvider: true },
});

const setup = closedAfterEach(startClient);

describe("AnthropicVertex over loopback against the Vertex mock", () => {
  it("sends the access token as a bearer token", async () => {
    const { client, sent } = await setup();
    expect((await client.messages.create(params)).type).toBe("message");
    expect(sent[0]!.headers.get("authorization")).toBe(`Bearer ${VERTEX_MOCK_ACCESS_TOKEN}`);
  });

  it("gets 403 PERMISSION_DENIED for another project", async () => {
    const { client } = await setup({ projectId: "someone-else" });
    expect(await failure(client.messages.create(params))).toBeInstanceOf(PermissionDeniedError);
  });

  it("takes the token from a googleAuth-like object", async () => {
    const { client } = await setup({
      accessToken: null,
      googleAuth: { getAccessToken: async () => ({ token: VERTEX_MOCK_ACCESS_TOKEN }) },
    });
    expect((await client.messages.create(params)).type).toBe("message");
  });

  it("keeps the Vertex options in withOptions copies", async () => {
    const { client } = await setup();
    const copy = client.withOptions({ maxRetries: 0 });
    expect(copy.region).toBe("us-east5");
    expect(copy.projectId).toBe("colloquy-test");
    expect((await copy.messages.create(params)).type).toBe("message");
  });
});

describe("AnthropicVertex without a server", () => {
  it("requires a region", () => {
    const previous = process.env.CLOUD_ML_REGION;
    delete process.env.CLOUD_ML_REGION;
    try {
      expect(() => new AnthropicVertex({ projectId: "p", accessToken: "t" })).toThrow(/region/);
    } finally {
      if (previous !== undefined) process.env.CLOUD_ML_REGION = previous;
    }
  });

  it("reads the region and project from CLOUD_ML_REGION and ANTHROPIC_VERTEX_PROJECT_ID", () => {
    const saved = { region: process.env.CLOUD_ML_REGION, project: process.env.ANTHROPIC_VERTEX_PROJECT_ID };
    process.env.CLOUD_ML_REGION = "europe-west1";
    process.env.ANTHROPIC_VERTEX_PROJECT_ID = "from-env";
    try {
      const client = new AnthropicVertex({ accessToken: "t" });
      expect(client.region).toBe("europe-west1");
      expect(client.projectId).toBe("from-env");
      expect(client.baseURL).toBe("https://europe-west1-aiplatform.googleapis.com/v1");
    } finally {
      for (const [name, value] of [
        ["CLOUD_ML_REGION", saved.region],
        ["ANTHROPIC_VERTEX_PROJECT_ID", saved.project],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("uses the global endpoint for the global region", () => {
    expect(new AnthropicVertex({ region: "global", projectId: "p", accessToken: "t" }).baseURL).toBe(
      "https://aiplatform.googleapis.com/v1",
    );
  });

  it("has no batches, which Vertex does not offer", () => {
    const client = new AnthropicVertex({ region: "us-east5", projectId: "p", accessToken: "t" });
    expect("batches" in client.messages).toBe(false);
    expect(typeof client.messages.countTokens).toBe("function");
  });

  it("refuses a request without any token source, before calling fetch", async () => {
    let fetched = false;
    const client = new AnthropicVertex({
      region: "us-east5",
      projectId: "p",
      fetch: async () => {
        fetched = true;
        return new Response("{}");
      },
    });
    const error = await failure(client.messages.create(params));
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toMatch(/No Google access token/);
    expect(fetched).toBe(false);
  });

  it("refuses a document with a URL source, which Vertex cannot fetch", async () => {
    const client = new AnthropicVertex({
      region: "us-east5",
      projectId: "p",
      accessToken: "t",
      fetch: async () => new Response("{}"),
    });
    const error = await failure(
      client.messages.create({
        ...params,
        messages: [
          {
            role: "user",
            content: [{ type: "document", source: { type: "url", url: "https://example.com/a.pdf" } }],
          },
        ],
      }),
    );
    expect((error as Error).message).toMatch(/does not support URL sources/);
  });
});
