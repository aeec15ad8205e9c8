import {
  AnthropicError,
  type BaseAnthropic,
  BaseCloudAnthropic,
  type ClientOptions,
  type CloudMessages,
  type CloudMessagesRequest,
  type CloudRequest,
  type CloudRewrite,
  cloudMessages,
  readEnv,
  type Stream,
} from "@colloquy/client";
import type { AwsCredentials, AwsCredentialsProvider } from "./aws-credentials.js";
import { bedrockEventStream, EVENT_STREAM_CONTENT_TYPE } from "./bedrock-stream.js";
import { signRequest } from "./sign-request.js";

/** The `anthropic_version` Bedrock expects in the body. */
export const BEDROCK_API_VERSION = "bedrock-2023-05-31";

/** Options of {@link AnthropicBedrock}: the client's options, with AWS credentials instead of an API key. */
export interface BedrockClientOptions extends Omit<ClientOptions, "apiKey" | "authToken"> {
  /**
   * The AWS region of the Bedrock runtime endpoint and of the signature.
   * @default process.env.AWS_REGION ?? "us-east-1"
   */
  awsRegion?: string | undefined;
  /** @default process.env.AWS_ACCESS_KEY_ID */
  awsAccessKey?: string | null | undefined;
  /** @default process.env.AWS_SECRET_ACCESS_KEY */
  awsSecretKey?: string | null | undefined;
  /** For temporary credentials. @default process.env.AWS_SESSION_TOKEN */
  awsSessionToken?: string | null | undefined;
  /**
   * Credentials, or a function returning them that is called before every attempt (for rotation);
   * wins over the static keys. Any `@aws-sdk/credential-providers` provider fits.
   * @example
   * new AnthropicBedrock({ credentials: fromNodeProviderChain() });
   */
  credentials?: AwsCredentials | AwsCredentialsProvider | null | undefined;
  /**
   * A Bedrock API key, sent as `Authorization: Bearer`; requests are then not SigV4-signed.
   * @default process.env.AWS_BEARER_TOKEN_BEDROCK
   */
  apiKey?: string | null | undefined;
  /** Alias of `apiKey`, for the client's `withOptions`. */
  authToken?: string | null | undefined;
  /**
   * Send requests unsigned, e.g. through a proxy that signs them.
   * @default false
   */
  skipAuth?: boolean | undefined;
  /**
   * @default process.env.ANTHROPIC_BEDROCK_BASE_URL ?? `https://bedrock-runtime.${awsRegion}.amazonaws.com`
   */
  baseURL?: string | null | undefined;
}

/**
 * `messages.create`, `messages.stream` and `messages.countTokens` (Bedrock's `CountTokens` operation, which
 * only some models support on `bedrock-runtime`); Bedrock has no Message Batches.
 */
export type BedrockMessages = CloudMessages;

const countTokensPath = "/v1/messages/count_tokens";

/**
 * The Colloquy client on Amazon Bedrock: `messages.create` and `messages.stream` (with every
 * `MessageStream` helper) sent to the Bedrock runtime, signed with AWS Signature Version 4.
 *
 * @example
 * const client = new AnthropicBedrock({ awsRegion: "us-east-1" }); // keys from AWS_ACCESS_KEY_ID, ...
 * const message = await client.messages.create({
 *   model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
 *   max_tokens: 1024,
 *   messages: [{ role: "user", content: "Hello, Claude" }],
 * });
 */
export class AnthropicBedrock extends BaseCloudAnthropic {
  awsRegion: string;
  awsAccessKey: string | null;
  awsSecretKey: string | null;
  awsSessionToken: string | null;
  skipAuth: boolean;
  readonly #credentials: AwsCredentials | AwsCredentialsProvider | null;

  messages: BedrockMessages = bedrockMessages(this);
  protected readonly cloudAPIVersion = BEDROCK_API_VERSION;

  constructor(options: BedrockClientOptions = {}) {
    const {
      awsRegion = readEnv("AWS_REGION") ?? "us-east-1",
      awsAccessKey = readEnv("AWS_ACCESS_KEY_ID") ?? null,
      awsSecretKey = readEnv("AWS_SECRET_ACCESS_KEY") ?? null,
      awsSessionToken = readEnv("AWS_SESSION_TOKEN") ?? null,
      credentials = null,
      skipAuth = false,
      apiKey,
      authToken,
      baseURL,
      ...rest
    } = options;
    const bearer =
      authToken ??
      apiKey ??
      (authToken === undefined && apiKey === undefined ? readEnv("AWS_BEARER_TOKEN_BEDROCK") : null) ??
      null;
    // The Bedrock options ride along in the base options so that `withOptions` keeps them.
    const baseOptions: ClientOptions & BedrockClientOptions = {
      ...rest,
      awsRegion,
      awsAccessKey,
      awsSecretKey,
      awsSessionToken,
      credentials,
      skipAuth,
      baseURL:
        baseURL ??
        readEnv("ANTHROPIC_BEDROCK_BASE_URL") ??
        `https://bedrock-runtime.${awsRegion}.amazonaws.com`,
      apiKey: null,
      authToken: skipAuth ? null : bearer,
    };
    super(baseOptions as ClientOptions);
    this.awsRegion = awsRegion;
    this.awsAccessKey = awsAccessKey;
    this.awsSecretKey = awsSecretKey;
    this.awsSessionToken = awsSessionToken;
    this.skipAuth = skipAuth;
    this.#credentials = credentials;
  }

  protected override toCloud(request: CloudMessagesRequest): CloudRewrite {
    return toBedrock(request);
  }

  /** Signs the request with SigV4, unless it is unsigned on purpose or carries a Bedrock API key. */
  protected override async authenticate(request: CloudRequest, method: string): Promise<Headers> {
    if (this.skipAuth || request.headers.has("authorization")) return request.headers;
    const credentials = await this.#resolveCredentials();
    const body = typeof request.body === "string" ? request.body : undefined;
    return signRequest({ method, url: request.url, headers: request.headers, body }, credentials, {
      region: this.awsRegion,
      service: "bedrock",
    });
  }

  protected override makeStream<Item>(
    response: Response,
    controller: AbortController,
    idleTimeoutMs: number,
  ): Stream<Item> {
    // A gateway in front of Bedrock may already translate to SSE: only event-stream bodies are decoded here.
    if (response.headers.get("content-type")?.includes(EVENT_STREAM_CONTENT_TYPE)) {
      return bedrockEventStream<Item>(response, controller, idleTimeoutMs);
    }
    return super.makeStream<Item>(response, controller, idleTimeoutMs);
  }

  async #resolveCredentials(): Promise<AwsCredentials> {
    const source = this.#credentials;
    let credentials: AwsCredentials | null = null;
    if (typeof source === "function") {
      try {
        credentials = await source();
      } catch (cause) {
        throw new AnthropicError(
          `The AWS credentials provider failed: ${(cause as Error)?.message ?? cause}`,
          {
            cause,
          },
        );
      }
    } else if (source) {
      credentials = source;
    } else if (this.awsAccessKey && this.awsSecretKey) {
      credentials = {
        accessKeyId: this.awsAccessKey,
        secretAccessKey: this.awsSecretKey,
        sessionToken: this.awsSessionToken,
      };
    }
    if (!credentials?.accessKeyId || !credentials.secretAccessKey) {
      throw new AnthropicError(
        "Could not resolve AWS credentials: set awsAccessKey and awsSecretKey, credentials, or a Bedrock apiKey.",
      );
    }
    return credentials;
  }

  protected override secrets(): string[] {
    return [...super.secrets(), this.awsSecretKey, this.awsSessionToken].filter(
      (secret): secret is string => !!secret,
    );
  }

  static AnthropicBedrock = this;
}

/** The cloud Messages resource, counting tokens with Bedrock's `CountTokens`, which answers `inputTokens`. */
function bedrockMessages(client: BaseAnthropic): BedrockMessages {
  const countTokens: BedrockMessages["countTokens"] = (body, options) =>
    client
      .post<{ inputTokens: number }>(countTokensPath, { ...options, body })
      ._thenUnwrap((data) => ({ input_tokens: data.inputTokens }));
  return Object.assign(cloudMessages(client), { countTokens });
}

/**
 * A Messages request in Bedrock's form: the model moves into the path (`invoke`,
 * `invoke-with-response-stream` or `count-tokens`), `stream` goes, the betas move into the body.
 */
function toBedrock({ endpoint, fields, headers }: CloudMessagesRequest): CloudRewrite {
  const { model, stream, ...rest } = fields;
  if (typeof model !== "string" || model === "") {
    throw new AnthropicError(
      "Bedrock needs a `model` (a model id, inference profile id or ARN) in the request.",
    );
  }
  const betas = headers.get("anthropic-beta");
  if (betas !== null) {
    rest.anthropic_beta ??= betas
      .split(",")
      .map((beta) => beta.trim())
      .filter(Boolean);
    headers.delete("anthropic-beta");
  }
  const modelPath = `/model/${encodeURIComponent(model)}`;
  if (endpoint === "count_tokens") {
    // CountTokens takes the InvokeModel body it would count, base64-encoded; that body needs a max_tokens.
    rest.max_tokens ??= 1;
    const invokeBody = base64OfText(JSON.stringify(rest));
    return {
      path: `${modelPath}/count-tokens`,
      body: JSON.stringify({ input: { invokeModel: { body: invokeBody } } }),
    };
  }
  if (stream) headers.set("accept", EVENT_STREAM_CONTENT_TYPE);
  return {
    path: `${modelPath}/${stream ? "invoke-with-response-stream" : "invoke"}`,
    body: JSON.stringify(rest),
  };
}

function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}
