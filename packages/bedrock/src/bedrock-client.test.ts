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
import { BEDROCK_MOCK_CREDENTIALS, type BedrockMockOptions } from "@colloquy/mock-api/clouds";
import { startBedrockMockApi } from "@colloquy/mock-api/clouds/node";
import {
  type CloudSetup,
  clientOnFace,
  closedAfterEach,
  cloudClientSuite,
  countedProvider,
  failure,
  paramsFor,
} from "@colloquy/mock-api/clouds/test-cloud-client-suite";
import { describe, expect, it } from "vitest";
import { AnthropicBedrock, type BedrockClientOptions } from "./index.js";

const MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const params = paramsFor(MODEL);

/** Starts the Bedrock face on loopback and a client signing with the face's test credentials. */
async function startClient(clientOptions: BedrockClientOptions = {}, mockOptions: BedrockMockOptions = {}) {
  return clientOnFace(
    await startBedrockMockApi(mockOptions),
    (baseURL, fetch) =>
      new AnthropicBedrock({
        awsRegion: "us-east-1",
        awsAccessKey: BEDROCK_MOCK_CREDENTIALS.accessKeyId,
        awsSecretKey: BEDROCK_MOCK_CREDENTIALS.secretAccessKey,
        awsSessionToken: null,
        apiKey: null,
        baseURL,
        fetch,
        ...clientOptions,
      }),
  );
}

cloudClientSuite({
  name: "@colloquy/bedrock",
  model: MODEL,
  setup: async ({ wrongCredentials, maxRetries, idleTimeout, onCredentials } = {}): Promise<CloudSetup> =>
    startClient({
      maxRetries,
      idleTimeout,
      ...(wrongCredentials ? { awsSecretKey: "not-the-secret" } : {}),
      ...(onCredentials ? { credentials: countedProvider(BEDROCK_MOCK_CREDENTIALS, onCredentials) } : {}),
    }),
  wire: {
    create: /^\/model\/anthropic\.claude-sonnet-4-5-20250929-v1%3A0\/invoke$/,
    stream: /^\/model\/anthropic\.claude-sonnet-4-5-20250929-v1%3A0\/invoke-with-response-stream$/,
    countTokens: /^\/model\/anthropic\.claude-sonnet-4-5-20250929-v1%3A0\/count-tokens$/,
    anthropicVersion: "bedrock-2023-05-31",
  },
  errors: {
    auth: { type: PermissionDeniedError, status: 403, message: /signature we calculated does not match/ },
    rateLimit: RateLimitError,
    overloadedMidStream: { type: OverloadedError, message: /modelStreamErrorException/ },
    dropped: StreamTruncatedError,
    userAbort: APIUserAbortError,
  },
  optional: { idleTimeoutError: APIConnectionTimeoutError, credentialsProvider: true },
});

const setup = closedAfterEach(startClient);

describe("AnthropicBedrock over loopback against the Bedrock mock", () => {
  it("signs with SigV4 and leaves model and stream out of the Bedrock body", async () => {
    const { client, sent } = await setup();
    await client.messages.stream(params).finalMessage();
    const [request] = sent;
    const body = JSON.parse(request!.body);
    expect(body).not.toHaveProperty("model");
    expect(body).not.toHaveProperty("stream");
    expect(request!.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAMOCKBEDROCK00001\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-date/,
    );
  });

  it("moves anthropic-beta from the headers into the body's anthropic_beta", async () => {
    const { client, sent } = await setup();
    await client.messages.create(params, { headers: { "anthropic-beta": "beta-one, beta-two" } });
    expect(JSON.parse(sent[0]!.body).anthropic_beta).toEqual(["beta-one", "beta-two"]);
    expect(sent[0]!.headers.has("anthropic-beta")).toBe(false);
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
