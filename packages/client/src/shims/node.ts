/**
 * `import "@colloquy/client/shims/node"`, as the official SDK's README says for Node: from then on a
 * client given an `httpAgent` (a keep-alive `http.Agent`, an `HttpsProxyAgent`, ...) sends its requests
 * with `node:http`/`node:https` through that agent, since `fetch` takes no agent. Without this import,
 * `httpAgent` is refused with an `AnthropicError`, never silently ignored. The package's `sideEffects`
 * names the shims, so bundlers keep this import. `fetchThroughAgent(agent)`, passed as the `fetch`
 * option, does the same without the import.
 * @example
 * import "@colloquy/client/shims/node";
 * import { HttpsProxyAgent } from "https-proxy-agent";
 * const client = new Anthropic({ httpAgent: new HttpsProxyAgent(process.env.PROXY_URL) });
 */
import type { Fetch } from "../client.js";
import { registerAgentFetch } from "../internal/agent-fetch.js";

/** The parts of `node:http`, `node:https` and `node:stream` used here (the package builds without Node's types). */
interface IncomingMessage {
  statusCode?: number | undefined;
  statusMessage?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}
interface ClientRequest {
  on(event: "error", listener: (error: Error) => void): unknown;
  end(body?: Uint8Array): unknown;
}
interface HttpModule {
  request(
    url: URL,
    options: {
      method: string;
      headers: Record<string, string>;
      agent: unknown;
      signal?: AbortSignal | undefined;
    },
    onResponse: (response: IncomingMessage) => void,
  ): ClientRequest;
}
interface StreamModule {
  Readable: { toWeb(readable: IncomingMessage): ReadableStream<Uint8Array> };
}

/** Statuses whose response has no body, whatever the server sends. */
const bodilessStatuses = new Set([101, 103, 204, 205, 304]);

// Specifiers in variables: loaded at run time, in Node only, and never followed by a browser bundler.
const httpSpecifier = "node:http";
const httpsSpecifier = "node:https";
const streamSpecifier = "node:stream";

/**
 * A `fetch` that sends each request through `agent` with `node:http` or `node:https`. The request body
 * is read whole first; the response body streams, and `init.signal` aborts the request and its body.
 */
export function fetchThroughAgent(agent: unknown): Fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const http: HttpModule = await import(url.protocol === "https:" ? httpsSpecifier : httpSpecifier);
    const { Readable }: StreamModule = await import(streamSpecifier);
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const options = {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        agent,
        signal: init?.signal ?? undefined,
      };
      const outgoing = http.request(url, options, (incoming) => {
        const status = incoming.statusCode ?? 500;
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const item of [value ?? []].flat()) headers.append(name, item);
        }
        const hasBody = request.method !== "HEAD" && !bodilessStatuses.has(status);
        const responseBody = hasBody ? Readable.toWeb(incoming) : null;
        resolve(new Response(responseBody, { status, statusText: incoming.statusMessage ?? "", headers }));
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  };
}

registerAgentFetch(fetchThroughAgent);
