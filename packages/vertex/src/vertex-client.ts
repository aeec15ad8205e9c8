import {
  AnthropicError,
  BaseCloudAnthropic,
  type ClientOptions,
  type CloudMessages,
  type CloudMessagesRequest,
  type CloudRequest,
  type CloudRewrite,
  cloudMessages,
  readEnv,
} from "@colloquy/client";

/** The `anthropic_version` Vertex AI expects in the body. */
export const VERTEX_API_VERSION = "vertex-2023-10-16";

/** Returns a Google OAuth access token; called before every attempt, so a refreshed token is picked up. */
export type AccessTokenProvider = () => string | Promise<string>;

/**
 * Anything that hands out Google access tokens the way `google-auth-library` does: `GoogleAuth`
 * (`getAccessToken(): Promise<string | null | undefined>`) or an `AuthClient`
 * (`getAccessToken(): Promise<{ token?: string | null }>`).
 */
export interface GoogleAuthLike {
  getAccessToken(): Promise<string | null | undefined | { token?: string | null | undefined }>;
}

/** Options of {@link AnthropicVertex}: the client's options, with a Google access token instead of an API key. */
export interface VertexClientOptions extends Omit<ClientOptions, "apiKey" | "authToken"> {
  /**
   * The Vertex AI location: a region such as `us-east5`, or `global`, `us`, `eu`.
   * @default process.env.CLOUD_ML_REGION
   */
  region?: string | null | undefined;
  /** @default process.env.ANTHROPIC_VERTEX_PROJECT_ID */
  projectId?: string | null | undefined;
  /**
   * A Google OAuth access token, or a function returning one that is called before every attempt.
   * @example
   * new AnthropicVertex({ accessToken: async () => (await auth.getAccessToken()) ?? "" });
   */
  accessToken?: string | AccessTokenProvider | null | undefined;
  /**
   * A `google-auth-library` `GoogleAuth` (with the `https://www.googleapis.com/auth/cloud-platform` scope)
   * or `AuthClient`; asked for a token before every attempt.
   */
  googleAuth?: GoogleAuthLike | null | undefined;
  /**
   * @default process.env.ANTHROPIC_VERTEX_BASE_URL ?? `https://${region}-aiplatform.googleapis.com/v1`
   */
  baseURL?: string | null | undefined;
  /** Ignored: Vertex authenticates with Google tokens. Present so `withOptions` can pass it through. */
  apiKey?: string | null | undefined;
  /** Ignored, see `apiKey`. */
  authToken?: string | null | undefined;
}

/** Vertex AI has no Message Batches: `messages` offers `create`, `stream` and `countTokens`. */
export type VertexMessages = CloudMessages;

const NO_TOKEN =
  "No Google access token: pass `accessToken` (a token or a function returning one) or `googleAuth` (e.g. `new GoogleAuth({ scopes: 'https://www.googleapis.com/auth/cloud-platform' })`).";

/** The default endpoint of a Vertex AI location. */
export function vertexBaseURL(region: string): string {
  switch (region) {
    case "global":
      return "https://aiplatform.googleapis.com/v1";
    case "us":
      return "https://aiplatform.us.rep.googleapis.com/v1";
    case "eu":
      return "https://aiplatform.eu.rep.googleapis.com/v1";
    default:
      return `https://${region}-aiplatform.googleapis.com/v1`;
  }
}

/**
 * The Colloquy client on Google Vertex AI: `messages.create`, `messages.stream` (with every
 * `MessageStream` helper) and `messages.countTokens`, sent to the Anthropic publisher models of a
 * project with a Google OAuth bearer token.
 *
 * @example
 * const client = new AnthropicVertex({ region: "us-east5", projectId: "my-project", googleAuth: new GoogleAuth({ scopes }) });
 * const message = await client.messages.create({
 *   model: "claude-sonnet-4-5@20250929",
 *   max_tokens: 1024,
 *   messages: [{ role: "user", content: "Hello, Claude" }],
 * });
 */
export class AnthropicVertex extends BaseCloudAnthropic {
  region: string;
  projectId: string | null;
  readonly #accessToken: string | AccessTokenProvider | null;
  readonly #googleAuth: GoogleAuthLike | null;

  messages: VertexMessages = cloudMessages(this);
  protected readonly cloudAPIVersion = VERTEX_API_VERSION;

  constructor(options: VertexClientOptions = {}) {
    const {
      region = readEnv("CLOUD_ML_REGION") ?? null,
      projectId = readEnv("ANTHROPIC_VERTEX_PROJECT_ID") ?? null,
      accessToken = null,
      googleAuth = null,
      baseURL,
      apiKey: _apiKey,
      authToken: _authToken,
      ...rest
    } = options;
    if (!region) {
      throw new AnthropicError(
        "No region was given: pass the `region` option or set the CLOUD_ML_REGION environment variable.",
      );
    }
    const resolvedBaseURL = baseURL ?? readEnv("ANTHROPIC_VERTEX_BASE_URL") ?? vertexBaseURL(region);
    // The Vertex options ride along in the base options so that `withOptions` keeps them.
    const baseOptions: ClientOptions & VertexClientOptions = {
      ...rest,
      region,
      projectId,
      accessToken,
      googleAuth,
      baseURL: resolvedBaseURL,
      apiKey: null,
      authToken: null,
    };
    super(baseOptions as ClientOptions);
    this.region = region;
    this.projectId = projectId;
    this.#accessToken = accessToken;
    this.#googleAuth = googleAuth;
  }

  /** Adds the Google access token, unless the request already carries an `Authorization`. */
  protected override async authenticate(request: CloudRequest): Promise<Headers> {
    const { headers } = request;
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${await this.#token()}`);
    return headers;
  }

  /**
   * A Messages request in Vertex's form: the project, location and model move into the path
   * (`:rawPredict`, `:streamRawPredict`); token counting keeps the model in the body.
   */
  protected override toCloud({ endpoint, fields }: CloudMessagesRequest): CloudRewrite {
    if (!this.projectId) {
      throw new AnthropicError(
        "No projectId was given: pass the `projectId` option or set the ANTHROPIC_VERTEX_PROJECT_ID environment variable.",
      );
    }
    rejectDocumentURLs(fields);
    const models = `/projects/${encodeURIComponent(this.projectId)}/locations/${encodeURIComponent(this.region)}/publishers/anthropic/models`;
    if (endpoint === "count_tokens") {
      return { path: `${models}/count-tokens:rawPredict`, body: JSON.stringify(fields) };
    }
    const { model, ...rest } = fields;
    if (typeof model !== "string" || model === "") {
      throw new AnthropicError(
        "Vertex AI needs a `model` (e.g. `claude-sonnet-4-5@20250929`) in the request.",
      );
    }
    // Vertex model ids carry their version after an `@`, which stays as it is in the path.
    const modelSegment = encodeURIComponent(model).replace(/%40/g, "@");
    return {
      path: `${models}/${modelSegment}:${rest.stream ? "streamRawPredict" : "rawPredict"}`,
      body: JSON.stringify(rest),
    };
  }

  async #token(): Promise<string> {
    let token: string | null | undefined;
    try {
      if (typeof this.#accessToken === "function") token = await this.#accessToken();
      else if (this.#accessToken) token = this.#accessToken;
      else if (this.#googleAuth) {
        const result = await this.#googleAuth.getAccessToken();
        token = typeof result === "object" && result !== null ? result.token : result;
      }
    } catch (cause) {
      throw new AnthropicError(`Could not get a Google access token: ${(cause as Error)?.message ?? cause}`, {
        cause,
      });
    }
    if (!token) throw new AnthropicError(NO_TOKEN);
    return token;
  }

  static AnthropicVertex = this;
}

/** Vertex AI takes documents as base64 or text only; a URL source would fail there, so it fails here first. */
function rejectDocumentURLs(body: Record<string, unknown>): void {
  const messages = body.messages;
  if (!Array.isArray(messages)) return;
  const check = (block: unknown) => {
    const candidate = block as { type?: unknown; source?: { type?: unknown } } | null;
    if (candidate?.type === "document" && candidate.source?.type === "url") {
      throw new AnthropicError(
        'Vertex AI does not support URL sources for document blocks: send the document as base64 (source.type: "base64") or text (source.type: "text").',
      );
    }
  };
  for (const message of messages) {
    const content = (message as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    for (const block of content) {
      check(block);
      const nested = (block as { type?: unknown; content?: unknown } | null)?.content;
      if ((block as { type?: unknown }).type === "tool_result" && Array.isArray(nested))
        nested.forEach(check);
    }
  }
}
