import {
  AnthropicError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  OverloadedError,
  PermissionDeniedError,
  RateLimitError,
  type RawMessageStreamEvent,
  StreamTruncatedError,
} from "@colloquy/client";
import type { BedrockMock } from "@colloquy/mock-api/clouds";
import { BEDROCK_MOCK_CREDENTIALS, type BedrockMockOptions } from "@colloquy/mock-api/clouds";
import { type RunningCloudMock, startBedrockMockApi } from "@colloquy/mock-api/clouds/node";
import { afterEach, describe, expect, it } from "vitest";
import { AnthropicBedrock, type BedrockClientOptions } from "./index.js";

const MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";
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
    properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["city", "unit"],
  },
};

interface Sent {
  url: string;
  headers: Headers;
  body: string;
}

let server: RunningCloudMock<BedrockMock> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(clientOptions: BedrockClientOptions = {}, mockOptions: BedrockMockOptions = {}) {
  server = await startBedrockMockApi(mockOptions);
  const sent: Sent[] = [];
  const client = new AnthropicBedrock({
    awsRegion: "us-east-1",
    awsAccessKey: BEDROCK_MOCK_CREDENTIALS.accessKeyId,
    awsSecretKey: BEDROCK_MOCK_CREDENTIALS.secretAccessKey,
    awsSessionToken: null,
    apiKey: null,
    baseURL: server.url,
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

describe("AnthropicBedrock over loopback against the Bedrock mock", () => {
  it("creates a message through /model/{modelId}/invoke with a SigV4-signed Bedrock body", async () => {
    const { client, sent } = await setup();
    const message = await client.messages.create(params);
    expect(message.type).toBe("message");
    expect(message.content[0]?.type).toBe("text");
    expect(message.stop_reason).toBe("end_turn");
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(new URL(request!.url).pathname).toBe("/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke");
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ anthropic_version: "bedrock-2023-05-31", max_tokens: 256 });
    expect(body).not.toHaveProperty("model");
    expect(body).not.toHaveProperty("stream");
    expect(request!.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAMOCKBEDROCK00001\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-date/,
    );
    expect(request!.headers.has("x-api-key")).toBe(false);
  });

  it("moves anthropic-beta from the headers into the body's anthropic_beta", async () => {
    const { client, sent } = await setup();
    await client.messages.create(params, { headers: { "anthropic-beta": "beta-one, beta-two" } });
    expect(JSON.parse(sent[0]!.body).anthropic_beta).toEqual(["beta-one", "beta-two"]);
    expect(sent[0]!.headers.has("anthropic-beta")).toBe(false);
  });

  it("streams with messages.stream(): text events, finalText and finalMessage", async () => {
    const { client, sent } = await setup();
    const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "words=40" } });
    const deltas: string[] = [];
    stream.on("text", (delta) => deltas.push(delta));
    const message = await stream.finalMessage();
    expect(new URL(sent[0]!.url).pathname).toMatch(/\/invoke-with-response-stream$/);
    expect(JSON.parse(sent[0]!.body)).not.toHaveProperty("stream");
    expect(deltas.length).toBeGreaterThan(5);
    const text = message.content[0]?.type === "text" ? message.content[0].text : "";
    expect(deltas.join("")).toBe(text);
    expect(text.split(/\s+/).filter(Boolean)).toHaveLength(40);
    expect(await stream.finalText()).toBe(text);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it("streams raw events with messages.create({ stream: true })", async () => {
    const { client } = await setup();
    const stream = await client.messages.create({ ...params, stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe("message_start");
    expect(types.at(-1)).toBe("message_stop");
    expect(types).toContain("content_block_delta");
    expect(types).not.toContain("ping");
  });

  it("streams a tool call: inputJson events and the parsed input", async () => {
    const { client } = await setup();
    const stream = client.messages.stream({ ...params, tools: [weatherTool], tool_choice: { type: "any" } });
    const partials: string[] = [];
    stream.on("inputJson", (partial) => partials.push(partial));
    const message = await stream.finalMessage();
    const block = message.content.find((item) => item.type === "tool_use");
    expect(message.stop_reason).toBe("tool_use");
    expect(block).toMatchObject({ type: "tool_use", name: "get_weather" });
    const input = block?.type === "tool_use" ? (block.input as { city: unknown; unit: unknown }) : undefined;
    expect(typeof input?.city).toBe("string");
    expect(["celsius", "fahrenheit"]).toContain(input?.unit);
    expect(JSON.parse(partials.join(""))).toEqual(input);
  });

  it("creates a tool call without streaming", async () => {
    const { client } = await setup();
    const message = await client.messages.create({
      ...params,
      tools: [weatherTool],
      tool_choice: { type: "tool", name: "get_weather" },
    });
    expect(message.content.some((block) => block.type === "tool_use" && block.name === "get_weather")).toBe(
      true,
    );
  });

  it("counts tokens with Bedrock's CountTokens, matching the usage of the same request", async () => {
    const bareModel = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    const { client, sent } = await setup();
    const counted = await client.messages.countTokens({ model: bareModel, messages: params.messages });
    const message = await client.messages.create({ ...params, model: bareModel });
    expect(counted).toEqual({ input_tokens: message.usage.input_tokens });
    expect(new URL(sent[0]!.url).pathname).toBe(
      "/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/count-tokens",
    );
    const wire = JSON.parse(sent[0]!.body);
    const countedBody = JSON.parse(Buffer.from(wire.input.invokeModel.body, "base64").toString("utf8"));
    expect(countedBody).toMatchObject({ anthropic_version: "bedrock-2023-05-31", messages: params.messages });
    expect(countedBody).not.toHaveProperty("model");
  });

  it("gets Bedrock's validation error when counting tokens on a cross-region inference profile", async () => {
    const { client } = await setup();
    const error = await failure(
      client.messages.countTokens({
        model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        messages: params.messages,
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toContain("doesn't support counting tokens");
  });

  it("gets the 403 Bedrock sends for a wrong secret key, without retrying", async () => {
    const { client, sent } = await setup({ awsSecretKey: "not-the-secret" });
    const error = await failure(client.messages.create(params));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).status).toBe(403);
    expect((error as Error).message).toContain("The request signature we calculated does not match");
    expect((error as PermissionDeniedError).headers?.get("x-amzn-errortype")).toMatch(
      /^InvalidSignatureException/,
    );
    expect(sent).toHaveLength(1);
  });

  it("gets 403 'Signature expired' when the signing clock is 20 minutes behind the server", async () => {
    const { client } = await setup({}, { now: () => Date.now() + 20 * 60_000 });
    const error = await failure(client.messages.create(params));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toMatch(/Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it("gets 403 for an unknown access key", async () => {
    const { client } = await setup({ awsAccessKey: "AKIAUNKNOWN000000000" });
    const error = await failure(client.messages.create(params));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toContain("security token included in the request is invalid");
  });

  it("retries a 429 with freshly signed attempts from the credentials provider", async () => {
    const second = { accessKeyId: "AKIAMOCKBEDROCK00002", secretAccessKey: "second/secret" };
    const issued = [BEDROCK_MOCK_CREDENTIALS, second, BEDROCK_MOCK_CREDENTIALS];
    let calls = 0;
    const { client, sent } = await setup(
      { credentials: async () => issued[calls++ % issued.length]! },
      { credentials: [BEDROCK_MOCK_CREDENTIALS, second] },
    );
    const message = await client.messages.create(params, {
      headers: { "x-mock-trigger": "error=429 fail-times=2 retry-after-ms=1" },
    });
    expect(message.type).toBe("message");
    expect(sent).toHaveLength(3);
    expect(calls).toBe(3);
    expect(sent[1]!.headers.get("authorization")).toContain("Credential=AKIAMOCKBEDROCK00002/");
    expect(sent.map((request) => request.headers.get("x-stainless-retry-count"))).toEqual(["0", "1", "2"]);
  });

  it("retries an overloaded model (the mock's 529 arrives as Bedrock's 503) and then succeeds", async () => {
    const { client, sent } = await setup();
    const message = await client.messages.create(params, {
      headers: { "x-mock-trigger": "error=529 fail-times=1 retry-after-ms=1" },
    });
    expect(message.type).toBe("message");
    expect(sent).toHaveLength(2);
  });

  it("gives RateLimitError once the retries are spent", async () => {
    const { client, sent } = await setup({ maxRetries: 1 });
    const error = await failure(
      client.messages.create(params, { headers: { "x-mock-trigger": "error=429 retry-after-ms=1" } }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(sent).toHaveLength(2);
  });

  it("rejects finalMessage with OverloadedError when Bedrock sends an exception mid-stream", async () => {
    const { client } = await setup();
    const stream = client.messages.stream(params, {
      headers: { "x-mock-trigger": "stream-error=overloaded_error after=3" },
    });
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(OverloadedError);
    expect((error as Error).message).toContain("modelStreamErrorException");
  });

  it("rejects with RateLimitError for a throttlingException mid-stream", async () => {
    const { client } = await setup();
    const stream = await client.messages.create(
      { ...params, stream: true },
      { headers: { "x-mock-trigger": "stream-error=rate_limit_error after=2" } },
    );
    const events: RawMessageStreamEvent[] = [];
    const error = await failure(
      (async () => {
        for await (const event of stream) events.push(event);
      })(),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(events.length).toBeGreaterThan(0);
  });

  it("rejects with StreamTruncatedError when the connection is cut mid-stream", async () => {
    const { client } = await setup();
    const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "drop after=4" } });
    let errorEvent: unknown;
    stream.on("error", (error) => {
      errorEvent = error;
    });
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(StreamTruncatedError);
    expect(errorEvent).toBe(error);
  });

  it("fails a stalled stream with APIConnectionTimeoutError after the idle timeout", async () => {
    const { client } = await setup({ idleTimeout: 100 });
    const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "slow=2000" } });
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("aborts a stream: abort() rejects finalMessage with APIUserAbortError and emits abort", async () => {
    const { client } = await setup();
    const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "words=200 slow=20" } });
    let aborted = false;
    stream.on("abort", () => {
      aborted = true;
    });
    stream.once("text", () => stream.abort());
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIUserAbortError);
    expect(aborted).toBe(true);
  });

  it("aborts a request through the caller's signal", async () => {
    const { client } = await setup();
    const controller = new AbortController();
    const promise = client.messages.create(params, {
      signal: controller.signal,
      headers: { "x-mock-trigger": "error=429 retry-after-ms=10000" },
    });
    setTimeout(() => controller.abort(), 50);
    expect(await failure(promise)).toBeInstanceOf(APIUserAbortError);
  });

  it("signs temporary credentials with their session token", async () => {
    const temporary = {
      accessKeyId: "ASIAMOCKTEMPORARY001",
      secretAccessKey: "temporary/secret",
      sessionToken: "session-1",
    };
    const { client } = await setup(
      {
        awsAccessKey: temporary.accessKeyId,
        awsSecretKey: temporary.secretAccessKey,
        awsSessionToken: "session-1",
      },
      { credentials: temporary },
    );
    expect((await client.messages.create(params)).type).toBe("message");
    const withoutToken = client.withOptions({ awsSessionToken: null } as never);
    expect(await failure(withoutToken.messages.create(params))).toBeInstanceOf(PermissionDeniedError);
  });

  it("sends a Bedrock API key as a bearer token instead of signing", async () => {
    const { client, sent } = await setup({ apiKey: "bedrock-api-key" }, { apiKeys: ["bedrock-api-key"] });
    expect((await client.messages.create(params)).type).toBe("message");
    expect(sent[0]!.headers.get("authorization")).toBe("Bearer bedrock-api-key");
    expect(sent[0]!.headers.has("x-amz-date")).toBe(false);
  });

  it("keeps the AWS options in withOptions copies", async () => {
    const { client } = await setup();
    const copy = client.withOptions({ maxRetries: 0 });
    expect(copy.awsRegion).toBe("us-east-1");
    expect((await copy.messages.create(params)).type).toBe("message");
  });
});

describe("AnthropicBedrock without a server", () => {
  it("offers no batches, which Bedrock does not have", () => {
    const client = new AnthropicBedrock({ awsAccessKey: "a", awsSecretKey: "b", apiKey: null });
    expect("batches" in client.messages).toBe(false);
    expect(typeof client.messages.create).toBe("function");
    expect(typeof client.messages.stream).toBe("function");
    expect(typeof client.messages.countTokens).toBe("function");
  });

  it("defaults the region and endpoint from AWS_REGION", () => {
    const previous = process.env.AWS_REGION;
    process.env.AWS_REGION = "eu-west-3";
    try {
      const client = new AnthropicBedrock({ awsAccessKey: "a", awsSecretKey: "b", apiKey: null });
      expect(client.awsRegion).toBe("eu-west-3");
      expect(client.baseURL).toBe("https://bedrock-runtime.eu-west-3.amazonaws.com");
    } finally {
      if (previous === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = previous;
    }
  });

  it("refuses to send a request when no credentials can be found, before calling fetch", async () => {
    let fetched = false;
    const client = new AnthropicBedrock({
      awsAccessKey: null,
      awsSecretKey: null,
      apiKey: null,
      fetch: async () => {
        fetched = true;
        return new Response("{}");
      },
    });
    const error = await failure(client.messages.create(params));
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toMatch(/Could not resolve AWS credentials/);
    expect(fetched).toBe(false);
  });

  it("never logs the signature or the session token", async () => {
    const lines: string[] = [];
    const record = (message: string, ...details: unknown[]) => lines.push(message + JSON.stringify(details));
    const client = new AnthropicBedrock({
      awsAccessKey: "AKIAEXAMPLE",
      awsSecretKey: "secret-key-value",
      awsSessionToken: "very-secret-session-token",
      apiKey: null,
      logLevel: "debug",
      logger: { debug: record, info: record, warn: record, error: record },
      fetch: async () =>
        new Response(JSON.stringify({ type: "message", content: [] }), {
          headers: { "content-type": "application/json" },
        }),
    });
    await client.messages.create(params);
    const log = lines.join("\n");
    expect(log).toContain("/invoke");
    expect(log).not.toContain("very-secret-session-token");
    expect(log).not.toContain("secret-key-value");
    expect(log).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});
