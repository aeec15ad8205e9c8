import type { MockApi } from "../create-mock-api.js";
import {
  acceptedVersions,
  type CloudFaceOptions,
  callCore,
  coreOf,
  coreVersionFor,
  parseJsonObject,
} from "./cloud-face.js";
import { modelFromVertexId } from "./model-ids.js";

/** The access token the Vertex mock accepts unless told otherwise. */
export const VERTEX_MOCK_ACCESS_TOKEN = "ya29.mock-vertex-access-token";

/**
 * Vertex AI's own `anthropic_version` for the body. The face also accepts the API's dated versions
 * (`2023-06-01`, `2026-10-21`, …), which the official Vertex SDK sends.
 */
export const VERTEX_ANTHROPIC_VERSION = "vertex-2023-10-16";

/** Options of {@link createVertexMock}: the core mock's options plus what Vertex checks. */
export interface VertexMockOptions extends CloudFaceOptions {
  /**
   * The OAuth access tokens accepted as `Authorization: Bearer`, or a function deciding.
   * @default [VERTEX_MOCK_ACCESS_TOKEN]
   */
  accessTokens?: readonly string[] | ((token: string) => boolean) | undefined;
  /** When set, requests for another project are refused with 403 `PERMISSION_DENIED`. @default any project */
  projectId?: string | undefined;
  /** When set, requests for another location get 404 `NOT_FOUND`. @default any location */
  region?: string | undefined;
}

/** A mock of Vertex AI's Anthropic publisher endpoints. */
export interface VertexMock {
  /** Answers `POST .../projects/{project}/locations/{region}/publishers/anthropic/models/{model}:rawPredict` (and `:streamRawPredict`). */
  handle(request: Request): Promise<Response>;
  /** The core mock behind this face. */
  readonly api: MockApi;
}

const ROUTE =
  /\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/anthropic\/models\/([^/:]+):(rawPredict|streamRawPredict)$/;

/** A Google API error body (`{"error": {code, message, status}}`). */
function googleError(code: number, status: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message, status } }), {
    status: code,
    headers: { "content-type": "application/json; charset=UTF-8" },
  });
}

/** Pydantic's wording for a literal choice: `'a', 'b' or 'c'`. */
function oneOf(choices: readonly string[]): string {
  const quoted = choices.map((choice) => `'${choice}'`);
  const last = quoted.pop();
  return quoted.length === 0 ? `${last}` : `${quoted.join(", ")} or ${last}`;
}

function anthropicError(status: number, type: string, message: string): Response {
  return new Response(JSON.stringify({ type: "error", error: { type, message } }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/**
 * A mock of Anthropic models on Google Vertex AI, wrapping the core mock: it checks the OAuth bearer
 * token (missing or unknown → the 401 `UNAUTHENTICATED` Google sends), requires an `anthropic_version`
 * in the body (`"vertex-2023-10-16"` or a dated API version), serves `:rawPredict` (JSON), `:streamRawPredict`
 * (SSE, as the core sends it) and `count-tokens:rawPredict`. The core's triggers work unchanged; its
 * Anthropic-format errors pass through as Vertex passes them.
 *
 * @example
 * const vertex = createVertexMock({ projectId: "my-project" });
 * const client = new AnthropicVertex({
 *   region: "us-east5",
 *   projectId: "my-project",
 *   accessToken: VERTEX_MOCK_ACCESS_TOKEN,
 *   baseURL: "https://vertex.mock/v1",
 *   fetch: (url, init) => vertex.handle(new Request(url, init)),
 * });
 */
export function createVertexMock(options: VertexMockOptions = {}): VertexMock {
  const { accessTokens = [VERTEX_MOCK_ACCESS_TOKEN], projectId, region, ...faceOptions } = options;
  const api = coreOf(faceOptions);
  const tokenAccepted =
    typeof accessTokens === "function" ? accessTokens : (token: string) => accessTokens.includes(token);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = ROUTE.exec(url.pathname);
    if (request.method !== "POST" || !route) {
      return googleError(404, "NOT_FOUND", `The requested URL ${url.pathname} was not found on this server.`);
    }
    const token = request.headers
      .get("authorization")
      ?.match(/^Bearer\s+(.+)$/i)?.[1]
      ?.trim();
    if (!token || !tokenAccepted(token)) {
      return googleError(
        401,
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
      );
    }
    const [, project = "", location = "", rawModel = "", specifier] = route;
    if (projectId !== undefined && decodeURIComponent(project) !== projectId) {
      return googleError(
        403,
        "PERMISSION_DENIED",
        `Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/${project}/locations/${location}/publishers/anthropic/models/${rawModel}' (or it may not exist).`,
      );
    }
    if (region !== undefined && decodeURIComponent(location) !== region) {
      return googleError(404, "NOT_FOUND", `Location ${location} is not supported for this model.`);
    }
    const fields = parseJsonObject(new Uint8Array(await request.arrayBuffer()));
    if (!fields) return googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
    const { anthropic_version: version, ...rest } = fields;
    const coreVersion = coreVersionFor(version, VERTEX_ANTHROPIC_VERSION);
    if (coreVersion === undefined) {
      return anthropicError(
        400,
        "invalid_request_error",
        version === undefined
          ? "anthropic_version: Field required"
          : `anthropic_version: Input should be ${oneOf(acceptedVersions(VERTEX_ANTHROPIC_VERSION))}`,
      );
    }
    const betas = request.headers.get("anthropic-beta");
    const model = decodeURIComponent(rawModel);
    let path: string;
    let coreBody: Record<string, unknown>;
    if (model === "count-tokens") {
      if (specifier !== "rawPredict")
        return googleError(400, "INVALID_ARGUMENT", "count-tokens only supports rawPredict.");
      path = "/v1/messages/count_tokens";
      coreBody = {
        ...rest,
        model: typeof rest.model === "string" ? modelFromVertexId(rest.model) : rest.model,
      };
    } else {
      path = "/v1/messages";
      coreBody = {
        ...rest,
        model: modelFromVertexId(model),
        stream: specifier === "streamRawPredict" || rest.stream === true,
      };
    }
    return callCore(api, request, {
      path,
      body: coreBody,
      version: coreVersion,
      headers: betas === null ? undefined : { "anthropic-beta": betas },
    });
  }

  return { handle, api };
}
