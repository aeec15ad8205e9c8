import type { MockApi } from "../create-mock-api.js";
import {
  type CloudFaceOptions,
  callCore,
  clockOf,
  coreOf,
  coreVersionFor,
  parseJsonObject,
} from "./cloud-face.js";
import { encodeBedrockChunk, encodeBedrockException } from "./event-stream-encoder.js";
import { modelFromBedrockId } from "./model-ids.js";
import { type MockAwsCredentials, verifySigV4 } from "./sigv4-verifier.js";
import { readSseEvents } from "./sse-events.js";

/** The test credentials the Bedrock mock accepts unless told otherwise. */
export const BEDROCK_MOCK_CREDENTIALS: Readonly<MockAwsCredentials> = Object.freeze({
  accessKeyId: "AKIAMOCKBEDROCK00001",
  secretAccessKey: "mock/bedrock/secret/access/key/0000000001",
});

/**
 * Bedrock's own `anthropic_version` for the body. The face also accepts the API's dated versions
 * (`2023-06-01`, `2026-10-21`, …), which the official Bedrock SDK sends.
 */
export const BEDROCK_ANTHROPIC_VERSION = "bedrock-2023-05-31";

/** Options of {@link createBedrockMock}: the core mock's options plus what Bedrock checks. */
export interface BedrockMockOptions extends CloudFaceOptions {
  /**
   * The credentials whose SigV4 signatures are accepted.
   * @default [BEDROCK_MOCK_CREDENTIALS]
   */
  credentials?: MockAwsCredentials | readonly MockAwsCredentials[] | undefined;
  /**
   * The region signatures must be scoped to.
   * @default "us-east-1"
   */
  region?: string | undefined;
  /** Bedrock API keys accepted as `Authorization: Bearer <key>` instead of a signature. @default none */
  apiKeys?: readonly string[] | undefined;
  /**
   * How far `x-amz-date` may be from the mock's clock (`now`).
   * @default 900000 (15 minutes, as AWS allows)
   */
  maxClockSkewMs?: number | undefined;
}

/** A mock of the Bedrock runtime's Anthropic endpoints. */
export interface BedrockMock {
  /** Answers `POST /model/{modelId}/invoke` and `/invoke-with-response-stream` as Bedrock would. */
  handle(request: Request): Promise<Response>;
  /** The core mock behind this face. */
  readonly api: MockApi;
}

/** Headers of the core's error replies kept on the Bedrock reply so tests can steer retries (mock-only). */
const passedThroughHeaders = ["retry-after", "retry-after-ms", "x-should-retry"];
const ROUTE = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream|count-tokens)$/;
/** Cross-region inference profiles, which CountTokens refuses (it wants a bare foundation-model id). */
const INFERENCE_PROFILE = /^(?:us|eu|apac|jp|au|ca|global|us-gov)\.|:inference-profile\//;

let requestCounter = 0;
function newRequestId(): string {
  requestCounter = (requestCounter + 1) % 0xffffffff;
  return `00000000-0000-4000-8000-${requestCounter.toString(16).padStart(12, "0")}`;
}

function bedrockError(status: number, errorType: string, message: string, extra?: Headers): Response {
  const headers = new Headers({
    "content-type": "application/json",
    "x-amzn-errortype": `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    "x-amzn-requestid": newRequestId(),
  });
  for (const name of passedThroughHeaders) {
    const value = extra?.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(JSON.stringify({ message }), { status, headers });
}

/** The Bedrock error for a core error reply (status, `x-amzn-ErrorType`, `{"message"}` body). */
async function translateError(core: Response): Promise<Response> {
  const body = (await core.json().catch(() => ({}))) as { error?: { type?: string; message?: string } };
  const message = body.error?.message ?? "Internal server error";
  switch (core.status) {
    case 400:
    case 413:
      return bedrockError(400, "ValidationException", message, core.headers);
    case 401:
    case 403:
      return bedrockError(403, "AccessDeniedException", message, core.headers);
    case 404:
      return bedrockError(
        400,
        "ValidationException",
        "The provided model identifier is invalid.",
        core.headers,
      );
    case 429:
      return bedrockError(
        429,
        "ThrottlingException",
        "Too many requests, please wait before trying again.",
        core.headers,
      );
    case 504:
      return bedrockError(
        408,
        "ModelTimeoutException",
        "Model has timed out in processing the request.",
        core.headers,
      );
    case 529:
      return bedrockError(
        503,
        "ServiceUnavailableException",
        "Bedrock is unable to process your request.",
        core.headers,
      );
    default:
      return bedrockError(Math.max(core.status, 500), "InternalServerException", message, core.headers);
  }
}

/** The Bedrock exception a core SSE `error` event becomes. */
function exceptionFor(errorType: string | undefined, message: string): [string, Record<string, unknown>] {
  switch (errorType) {
    case "rate_limit_error":
      return ["throttlingException", { message }];
    case "overloaded_error":
      return ["modelStreamErrorException", { message, originalStatusCode: 529, originalMessage: message }];
    case "timeout_error":
      return ["modelTimeoutException", { message }];
    case "invalid_request_error":
      return ["validationException", { message }];
    default:
      return ["internalServerException", { message }];
  }
}

/** Re-encodes the core's SSE stream as Bedrock event-stream frames; a cut core body cuts this one. */
function eventStreamBody(
  core: ReadableStream<Uint8Array>,
  startedAt: number,
  now: () => number,
): ReadableStream<Uint8Array> {
  const events = readSseEvents(core);
  let inputTokens = 0;
  let outputTokens = 0;
  let firstByteAt: number | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const next = await events.next();
        if (next.done) {
          controller.close();
          return;
        }
        const { event, data } = next.value;
        if (event === "ping") continue;
        firstByteAt ??= now();
        if (event === "error") {
          const parsed = JSON.parse(data) as { error?: { type?: string; message?: string } };
          const [exceptionType, body] = exceptionFor(
            parsed.error?.type,
            parsed.error?.message ?? "Stream error",
          );
          controller.enqueue(encodeBedrockException(exceptionType, body));
          controller.close();
          await events.return(undefined);
          return;
        }
        let json = data;
        const parsed = JSON.parse(data) as {
          type?: string;
          message?: { usage?: { input_tokens?: number } };
          usage?: { output_tokens?: number };
        };
        if (parsed.type === "message_start") inputTokens = parsed.message?.usage?.input_tokens ?? 0;
        if (parsed.type === "message_delta") outputTokens = parsed.usage?.output_tokens ?? outputTokens;
        if (parsed.type === "message_stop") {
          json = JSON.stringify({
            ...parsed,
            "amazon-bedrock-invocationMetrics": {
              inputTokenCount: inputTokens,
              outputTokenCount: outputTokens,
              invocationLatency: Math.max(0, now() - startedAt),
              firstByteLatency: Math.max(0, firstByteAt - startedAt),
            },
          });
        }
        controller.enqueue(encodeBedrockChunk(json));
        return;
      }
    },
    async cancel() {
      await events.return(undefined);
    },
  });
}

/**
 * A mock of Amazon Bedrock's runtime for Anthropic models, wrapping the core mock: it checks the SigV4
 * signature against test credentials (a wrong signature, an unknown key or an expired date gets the
 * 403 Bedrock sends), checks the body the way Bedrock does (`anthropic_version` required:
 * `"bedrock-2023-05-31"` or a dated API version; `model` and `stream` refused), and answers `invoke-with-response-stream` in real
 * `application/vnd.amazon.eventstream` framing with CRC-32 checksums. The core's triggers
 * (`x-mock-trigger`, `[[mock: …]]`) work unchanged.
 *
 * @example
 * const bedrock = createBedrockMock();
 * const client = new AnthropicBedrock({
 *   baseURL: "https://bedrock.mock",
 *   awsAccessKey: BEDROCK_MOCK_CREDENTIALS.accessKeyId,
 *   awsSecretKey: BEDROCK_MOCK_CREDENTIALS.secretAccessKey,
 *   fetch: (url, init) => bedrock.handle(new Request(url, init)),
 * });
 */
export function createBedrockMock(options: BedrockMockOptions = {}): BedrockMock {
  const { credentials, region = "us-east-1", apiKeys = [], maxClockSkewMs, ...faceOptions } = options;
  const api = coreOf(faceOptions);
  const accepted =
    credentials === undefined
      ? [BEDROCK_MOCK_CREDENTIALS]
      : Array.isArray(credentials)
        ? credentials
        : [credentials as MockAwsCredentials];
  const now = clockOf(faceOptions);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = ROUTE.exec(url.pathname);
    if (request.method !== "POST" || !route) {
      return bedrockError(
        404,
        "UnknownOperationException",
        `Unknown operation: ${request.method} ${url.pathname}`,
      );
    }
    const body = new Uint8Array(await request.arrayBuffer());
    const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (bearer !== undefined) {
      if (!apiKeys.includes(bearer)) {
        return bedrockError(
          403,
          "AccessDeniedException",
          "Authentication failed: Please make sure your API Key is valid.",
        );
      }
    } else {
      const failure = await verifySigV4(request, body, {
        credentials: accepted,
        region,
        service: "bedrock",
        now: now(),
        maxSkewMs: maxClockSkewMs,
      });
      if (failure) return bedrockError(403, failure.errorType, failure.message);
    }

    const operation = route[2];
    const modelId = decodeURIComponent(route[1] ?? "");
    let invokeBody: Uint8Array = body;
    if (operation === "count-tokens") {
      const encoded = (parseJsonObject(body)?.input as { invokeModel?: { body?: unknown } } | undefined)
        ?.invokeModel?.body;
      if (typeof encoded !== "string") {
        return bedrockError(
          400,
          "ValidationException",
          "The mock only counts tokens of an input.invokeModel.body.",
        );
      }
      if (INFERENCE_PROFILE.test(modelId)) {
        return bedrockError(
          400,
          "ValidationException",
          "The provided model doesn't support counting tokens.",
        );
      }
      try {
        invokeBody = Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0));
      } catch {
        return bedrockError(400, "ValidationException", "input.invokeModel.body is not valid base64.");
      }
    }
    const fields = parseJsonObject(invokeBody);
    if (!fields) {
      return bedrockError(
        400,
        "ValidationException",
        "Malformed input request, please reformat your input and try again.",
      );
    }
    const { anthropic_version: version, anthropic_beta: betas, ...rest } = fields;
    if (version === undefined) {
      return bedrockError(
        400,
        "ValidationException",
        "Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.",
      );
    }
    const coreVersion = coreVersionFor(version, BEDROCK_ANTHROPIC_VERSION);
    if (coreVersion === undefined) {
      return bedrockError(
        400,
        "ValidationException",
        `Malformed input request: #/anthropic_version: ${JSON.stringify(version)} is not a valid enum value, please reformat your input and try again.`,
      );
    }
    for (const key of ["model", "stream"]) {
      if (key in rest) {
        return bedrockError(
          400,
          "ValidationException",
          `Malformed input request: #: extraneous key [${key}] is not permitted, please reformat your input and try again.`,
        );
      }
    }
    const stream = operation === "invoke-with-response-stream";
    const headers =
      Array.isArray(betas) && betas.length > 0 ? { "anthropic-beta": betas.join(",") } : undefined;
    const model = modelFromBedrockId(modelId);
    if (operation === "count-tokens") {
      const { max_tokens: _maxTokens, ...countable } = rest;
      const core = await callCore(api, request, {
        path: "/v1/messages/count_tokens",
        body: { ...countable, model },
        version: coreVersion,
        headers,
      });
      if (!core.ok) return translateError(core);
      const { input_tokens: inputTokens } = (await core.json()) as { input_tokens: number };
      return new Response(JSON.stringify({ inputTokens }), {
        headers: { "content-type": "application/json", "x-amzn-requestid": newRequestId() },
      });
    }
    const startedAt = now();
    const core = await callCore(api, request, {
      path: "/v1/messages",
      body: { ...rest, model, stream },
      version: coreVersion,
      headers,
    });
    if (!core.ok) return translateError(core);
    const replyHeaders = new Headers({ "x-amzn-requestid": newRequestId() });
    if (!stream || !core.body) {
      replyHeaders.set("content-type", "application/json");
      return new Response(core.body, { status: 200, headers: replyHeaders });
    }
    replyHeaders.set("content-type", "application/vnd.amazon.eventstream");
    replyHeaders.set("x-amzn-bedrock-content-type", "application/json");
    return new Response(eventStreamBody(core.body, startedAt, now), { status: 200, headers: replyHeaders });
  }

  return { handle, api };
}
