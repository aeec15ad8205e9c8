import { Anthropic, type ClientOptions } from "../src/index.js";
import { helloMessage } from "../src/types/test-examples.js";

/** One scripted answer: a Response, a function making one, or an error to throw (a connection failure). */
export type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

export interface ScriptedFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every request made, in order. */
  requests: Request[];
}

/**
 * A `fetch` that answers from a script, one step per call, and records the requests. Runs out loudly:
 * an unexpected extra call fails the test instead of hanging.
 */
export function scriptedFetch(...steps: Step[]): ScriptedFetch {
  const requests: Request[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const step = steps[requests.length - 1];
    if (step === undefined)
      throw new Error(`scriptedFetch: unexpected request #${requests.length} ${request.url}`);
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(request);
    return step;
  }) as ScriptedFetch;
  fetch.requests = requests;
  return fetch;
}

/**
 * An `Anthropic` client (key "k", or the `options` given) whose fetch answers from `steps`, with that
 * fetch to read the requests made.
 * @example const { client, fetch } = scriptedClient([jsonResponse(message)], { maxRetries: 0 });
 */
export function scriptedClient(
  steps: Step[],
  options: Omit<ClientOptions, "fetch"> = {},
): { client: Anthropic; fetch: ScriptedFetch } {
  const fetch = scriptedFetch(...steps);
  return { client: new Anthropic({ apiKey: "k", ...options, fetch }), fetch };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "request-id": "req_test", ...headers },
  });
}

export function errorResponse(
  status: number,
  type: string,
  message = "scripted",
  headers: Record<string, string> = {},
) {
  return jsonResponse({ type: "error", error: { type, message }, request_id: "req_err" }, status, headers);
}

/** The reply the scripted tests answer with: the protocol document's example. */
export const message = helloMessage;

export const params = {
  model: "claude-sonnet-4-6",
  max_tokens: 1024,
  messages: [{ role: "user" as const, content: "Hello, Claude" }],
};

/** A fetch that never answers until its signal aborts (then rejects like fetch does). */
export function hangingFetch(): ScriptedFetch {
  const requests: Request[] = [];
  const fetch = ((input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener(
        "abort",
        () => reject(signal.reason ?? new DOMException("aborted", "AbortError")),
        {
          once: true,
        },
      );
    });
  }) as ScriptedFetch;
  fetch.requests = requests;
  return fetch;
}
