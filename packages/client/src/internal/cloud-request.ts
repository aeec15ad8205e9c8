import { BaseAnthropic } from "../client.js";
import { AnthropicError } from "../errors.js";
import type { FinalRequestOptions } from "../request-options.js";
import { Messages } from "../resources/messages.js";

/** The Messages endpoints a cloud serves under its own paths. */
export type CloudEndpoint = "messages" | "count_tokens";

const endpointPaths: Record<string, CloudEndpoint> = {
  "/v1/messages": "messages",
  "/v1/messages/count_tokens": "count_tokens",
};

/** A Messages request that a cloud client rewrites into the cloud's form. */
export interface CloudMessagesRequest {
  endpoint: CloudEndpoint;
  /** The JSON body, parsed, with `anthropic_version` set (the caller's own value wins). */
  fields: Record<string, unknown>;
  /** The request's headers; the rewrite may change them. `anthropic-version` is already removed. */
  headers: Headers;
}

/** Where and what a cloud client sends instead. */
export interface CloudRewrite {
  /** The cloud's path for the request, appended to the base URL's own path prefix. */
  path: string;
  /** The body to send. */
  body: string;
}

/** The request after {@link rewriteCloudRequest}: what to sign or authenticate and send. */
export interface CloudRequest {
  url: string;
  headers: Headers;
  body: BodyInit | null;
}

/**
 * The request rewriting both cloud clients (`@colloquy/bedrock`, `@colloquy/vertex`) share, as the
 * official cloud SDKs do it: a `POST /v1/messages` or `/v1/messages/count_tokens` whose URL still ends
 * in that path (middleware may have taken over the wire shape) gets its body parsed, the cloud's
 * `anthropic_version` in the body instead of the `anthropic-version` header, and the path `rewrite`
 * returns in place of the canonical one, after the base URL's prefix; `?beta=true` means nothing to
 * a cloud and is dropped. Every other request passes through unchanged.
 *
 * @internal For the cloud clients.
 */
export function rewriteCloudRequest(
  url: string,
  init: RequestInit & { headers: Headers },
  options: { method: string; path: string },
  anthropicVersion: string,
  rewrite: (request: CloudMessagesRequest) => CloudRewrite,
): CloudRequest {
  const target = new URL(url);
  const headers = new Headers(init.headers);
  const path = options.path.split("?")[0] ?? options.path;
  const endpoint = endpointPaths[path];
  if (options.method !== "post" || endpoint === undefined || !target.pathname.endsWith(path)) {
    return { url, headers, body: init.body ?? null };
  }
  const fields = parseJsonObject(init.body, path);
  fields.anthropic_version ??= anthropicVersion;
  // The version travels in the body; the header means nothing to a cloud.
  headers.delete("anthropic-version");
  const rewritten = rewrite({ endpoint, fields, headers });
  const prefix = target.pathname.slice(0, target.pathname.length - path.length);
  target.pathname = `${prefix}${rewritten.path}`;
  target.searchParams.delete("beta");
  return { url: target.toString(), headers, body: rewritten.body };
}

function parseJsonObject(body: RequestInit["body"], path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = typeof body === "string" ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AnthropicError(`Expected a JSON object body for POST ${path}`);
  }
  return parsed as Record<string, unknown>;
}

/** `messages` of a cloud client: `create`, `stream` and `countTokens`; no cloud offers Message Batches. */
export type CloudMessages = Omit<Messages, "batches">;

/**
 * The Messages resource of a cloud client: {@link Messages} without `batches`.
 *
 * @internal For the cloud clients.
 */
export function cloudMessages(client: BaseAnthropic): CloudMessages {
  const messages: CloudMessages & { batches?: Messages["batches"] } = new Messages(client);
  delete messages.batches;
  return messages;
}

/**
 * The base of the cloud clients (`@colloquy/bedrock`, `@colloquy/vertex`): every attempt's request is
 * rewritten with {@link rewriteCloudRequest} (the cloud's version, its path and body from
 * {@link BaseCloudAnthropic.toCloud}), then authenticated afresh by
 * {@link BaseCloudAnthropic.authenticate}, so rotating credentials are picked up on retries.
 *
 * @internal For the cloud clients.
 */
export abstract class BaseCloudAnthropic extends BaseAnthropic {
  /** The `anthropic_version` the cloud takes in the body. */
  protected abstract readonly cloudAPIVersion: string;

  /** A Messages request in the cloud's form: its path and body; it may change the headers too. */
  protected abstract toCloud(request: CloudMessagesRequest): CloudRewrite;

  /** The headers of the request to send, with its credentials (a signature, a token). */
  protected abstract authenticate(request: CloudRequest, method: string): Promise<Headers>;

  /** Credentials are checked when a request is authenticated (they may come from an async provider). */
  protected override validateHeaders(): void {}

  protected override async prepareRequest(
    url: string,
    init: RequestInit & { headers: Headers },
    options: FinalRequestOptions,
  ): Promise<{ url: string; init: RequestInit }> {
    const request = rewriteCloudRequest(url, init, options, this.cloudAPIVersion, (messagesRequest) =>
      this.toCloud(messagesRequest),
    );
    const headers = await this.authenticate(request, init.method ?? "GET");
    return { url: request.url, init: { ...init, headers, body: request.body } };
  }
}
