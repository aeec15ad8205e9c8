import {
  AnthropicError,
  APIConnectionError,
  APIUserAbortError,
  AuthenticationError,
  OverloadedError,
  PermissionDeniedError,
  RateLimitError,
} from "@colloquy/client";
import { VERTEX_MOCK_ACCESS_TOKEN, type VertexMock, type VertexMockOptions } from "@colloquy/mock-api/clouds";
import { type RunningCloudMock, startVertexMockApi } from "@colloquy/mock-api/clouds/node";
import { afterEach, describe, expect, it } from "vitest";
import { AnthropicVertex, type VertexClientOptions } from "./index.js";

const MODEL = "claude-sonnet-4-5@20250929";
const params = {
  model: MODEL,
  max_tokens: 256,
  messages: [{ role: "user" as const, content: "Hello there" }],
};
const weatherTool = {
  name: "get_weather",
  description: "Weather of a city",
  input_schema: {
    type: "object" as const,
    properties: { city: { type: "string" } },
    required: ["city"],
  },
};

interface Sent {
  url: string;
  headers: Headers;
  body: string;
}

let server: RunningCloudMock<VertexMock> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(clientOptions: VertexClientOptions = {}, mockOptions: VertexMockOptions = {}) {
  server = await startVertexMockApi({ projectId: "colloquy-test", region: "us-east5", ...mockOptions });
  const sent: Sent[] = [];
  const client = new AnthropicVertex({
    region: "us-east5",
    projectId: "colloquy-test",
    accessToken: VERTEX_MOCK_ACCESS_TOKEN,
    baseURL: `${server.url}/v1`,
    fetch: async (url, init) => {
      sent.push({ url: String(url), headers: new Headers(init?.headers), body: String(init?.body ?? "") });
      return fetch(url, init);
    },
    ...clientOptions,
  });
  return { client, sent };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("AnthropicVertex over loopback against the Vertex mock", () => {
  it("creates a message through :rawPredict with the Vertex body and a bearer token", async () => {
    const { client, sent } = await setup();
    const message = await client.messages.create(params);
    expect(message.type).toBe("message");
    expect(message.model).toBe("claude-sonnet-4-5-20250929");
    const [request] = sent;
    expect(new URL(request!.url).pathname).toBe(
      "/v1/projects/colloquy-test/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict",
    );
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ anthropic_version: "vertex-2023-10-16", max_tokens: 256 });
    expect(body).not.toHaveProperty("model");
    expect(request!.headers.get("authorization")).toBe(`Bearer ${VERTEX_MOCK_ACCESS_TOKEN}`);
    expect(request!.headers.has("x-api-key")).toBe(false);
  });

  it("streams with messages.stream() through :streamRawPredict", async () => {
    const { client, sent } = await setup();
    const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "words=30" } });
    const deltas: string[] = [];
    stream.on("text", (delta) => deltas.push(delta));
    const message = await stream.finalMessage();
    expect(new URL(sent[0]!.url).pathname).toMatch(/claude-sonnet-4-5@20250929:streamRawPredict$/);
    expect(JSON.parse(sent[0]!.body).stream).toBe(true);
    const text = message.content[0]?.type === "text" ? message.content[0].text : "";
    expect(deltas.join("")).toBe(text);
    expect(text.split(/\s+/).filter(Boolean)).toHaveLength(30);
  });

  it("streams raw events with messages.create({ stream: true })", async () => {
    const { client } = await setup();
    const stream = await client.messages.create({ ...params, stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe("message_start");
    expect(types.at(-1)).toBe("message_stop");
  });

  it("streams a tool call with its parsed input", async () => {
    const { client } = await setup();
    const message = await client.messages
      .stream({ ...params, tools: [weatherTool], tool_choice: { type: "tool", name: "get_weather" } })
      .finalMessage();
    const block = message.content.find((item) => item.type === "tool_use");
    expect(block).toMatchObject({ type: "tool_use", name: "get_weather" });
    expect(typeof (block?.type === "tool_use" ? (block.input as { city?: unknown }).city : undefined)).toBe(
      "string",
    );
  });

  it("counts tokens through count-tokens:rawPredict, matching the usage of the same request", async () => {
    const { client, sent } = await setup();
    const counted = await client.messages.countTokens({ model: MODEL, messages: params.messages });
    const message = await client.messages.create(params);
    expect(counted.input_tokens).toBeGreaterThan(0);
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
    expect(new URL(sent[0]!.url).pathname).toBe(
      "/v1/projects/colloquy-test/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict",
    );
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ model: MODEL, anthropic_version: "vertex-2023-10-16" });
  });

  it("gets 401 UNAUTHENTICATED for a wrong token, without retrying", async () => {
    const { client, sent } = await setup({ accessToken: "ya29.wrong" });
    const error = await failure(client.messages.create(params));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain("invalid authentication credentials");
    expect(sent).toHaveLength(1);
  });

  it("gets 403 PERMISSION_DENIED for another project", async () => {
    const { client } = await setup({ projectId: "someone-else" });
    expect(await failure(client.messages.create(params))).toBeInstanceOf(PermissionDeniedError);
  });

  it("retries a 429, asking the token provider again before every attempt", async () => {
    let calls = 0;
    const { client, sent } = await setup({
      accessToken: async () => {
        calls++;
        return VERTEX_MOCK_ACCESS_TOKEN;
      },
    });
    const message = await client.messages.create(params, {
      headers: { "x-mock-trigger": "error=429 fail-times=2 retry-after-ms=1" },
    });
    expect(message.type).toBe("message");
    expect(sent).toHaveLength(3);
    expect(calls).toBe(3);
  });

  it("retries a 529 overloaded_error and then succeeds", async () => {
    const { client, sent } = await setup();
    const message = await client.messages.create(params, {
      headers: { "x-mock-trigger": "error=529 fail-times=1 retry-after-ms=1" },
    });
    expect(message.type).toBe("message");
    expect(sent).toHaveLength(2);
  });

  it("gives OverloadedError once the retries are spent on 529s", async () => {
    const { client, sent } = await setup({ maxRetries: 1 });
    const error = await failure(
      client.messages.create(params, { headers: { "x-mock-trigger": "error=529 retry-after-ms=1" } }),
    );
    expect(error).toBeInstanceOf(OverloadedError);
    expect(sent).toHaveLength(2);
  });

  it("takes the token from a googleAuth-like object", async () => {
    const { client } = await setup({
      accessToken: null,
      googleAuth: { getAccessToken: async () => ({ token: VERTEX_MOCK_ACCESS_TOKEN }) },
    });
    expect((await client.messages.create(params)).type).toBe("message");
  });

  it("rejects with the typed error of an error event mid-stream", async () => {
    const { client } = await setup();
    const stream = client.messages.stream(params, {
      headers: { "x-mock-trigger": "stream-error=rate_limit_error after=3" },
    });
    expect(await failure(stream.finalMessage())).toBeInstanceOf(RateLimitError);
  });

  it("rejects with a connection error when the stream is cut", async () => {
    const { client } = await setup();
    const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "drop after=4" } });
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIConnectionError);
  });

  it("keeps the Vertex options in withOptions copies", async () => {
    const { client } = await setup();
    const copy = client.withOptions({ maxRetries: 0 });
    expect(copy.region).toBe("us-east5");
    expect(copy.projectId).toBe("colloquy-test");
    expect((await copy.messages.create(params)).type).toBe("message");
  });

  it("aborts a stream with abort()", async () => {
    const { client } = await setup();
    const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "words=200 slow=20" } });
    stream.once("text", () => stream.abort());
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIUserAbortError);
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
