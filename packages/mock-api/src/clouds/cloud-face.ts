import { createMockApi, type MockApi, type MockApiOptions } from "../create-mock-api.js";
import { SUPPORTED_VERSIONS } from "../validation.js";

/** What every cloud face takes: the core mock's options, or a core to share with another face. */
export interface CloudFaceOptions extends MockApiOptions {
  /** A core to share with another face; by default each face has its own. */
  api?: MockApi | undefined;
}

/** The key a face uses to reach its core: the cloud checked the caller's own credentials already. */
const CORE_KEY = "colloquy-cloud-mock";
/** The API version a request tagged with the cloud's own version string is served under. */
const CLOUD_DEFAULT_API_VERSION = "2023-06-01";
/** Headers a caller uses to steer the core mock; a face forwards them untouched. */
const TRIGGER_HEADERS = ["x-mock-trigger", "x-mock-fail-times"];

/** The core a face answers with: the shared one, or a new one that trusts the face's authentication. */
export function coreOf(options: CloudFaceOptions): MockApi {
  const { api, ...coreOptions } = options;
  return api ?? createMockApi({ ...coreOptions, apiKey: undefined, requireDirectBrowserAccessHeader: false });
}

/** The face's clock in epoch milliseconds, from the core option `now` (a number or a Date). */
export function clockOf(options: MockApiOptions): () => number {
  const clock = options.now ?? Date.now;
  return () => {
    const value = clock();
    return typeof value === "number" ? value : value.getTime();
  };
}

/** The request body as a JSON object, or `undefined` when it is not valid JSON or not an object. */
export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `anthropic_version` values a cloud accepts in the body: its own version string (which our
 * clients send), or one of the API's dated versions, which the official cloud SDKs send (they move the
 * client's `anthropic-version` header, e.g. `2026-10-21`, into the body).
 */
export function acceptedVersions(cloudVersion: string): readonly string[] {
  return [cloudVersion, ...SUPPORTED_VERSIONS];
}

/**
 * The `anthropic-version` the core serves a body's `anthropic_version` under: a dated version as it is,
 * so its rules apply; the cloud's own version string as the API's long-standing `2023-06-01`.
 * `undefined` when the cloud does not accept the value.
 */
export function coreVersionFor(version: unknown, cloudVersion: string): string | undefined {
  if (typeof version !== "string" || !acceptedVersions(cloudVersion).includes(version)) return undefined;
  return version === cloudVersion ? CLOUD_DEFAULT_API_VERSION : version;
}

/** What a face forwards to its core. */
export interface CoreCall {
  /** `/v1/messages` or `/v1/messages/count_tokens`. */
  path: string;
  /** The Anthropic-format body. */
  body: Record<string, unknown>;
  /** The API version to serve it under (see {@link coreVersionFor}). */
  version: string;
  /** Extra headers, such as `anthropic-beta`. */
  headers?: Record<string, string> | undefined;
}

/** Sends the Anthropic-format twin of a cloud request to the core, keeping its trigger headers and signal. */
export function callCore(api: MockApi, request: Request, call: CoreCall): Promise<Response> {
  const headers = new Headers({
    ...call.headers,
    "content-type": "application/json",
    "x-api-key": CORE_KEY,
    "anthropic-version": call.version,
  });
  for (const name of TRIGGER_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The face serves the cloud's own paths: the core takes the request at its root whatever its `basePath`.
  return api.handle(
    new Request(`${new URL(request.url).origin}${call.path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(call.body),
      signal: request.signal,
    }),
    { basePath: "" },
  );
}
