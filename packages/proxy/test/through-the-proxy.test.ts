// Acceptance: the official SDK and @colloquy/client work through the proxy against the mock API over
// loopback, with only `baseURL` changed, while the key stays on the server.
import OfficialAnthropic from "@anthropic-ai/sdk";
import Anthropic from "@colloquy/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PREFIX,
  type RunningProxy,
  SERVER_KEY,
  startProxy,
  startUpstream,
  type Upstream,
} from "./harness.js";

const FORGED_KEY = "sk-ant-forged-BROWSER-KEY-9999";
const params = {
  model: "claude-sonnet-4-6",
  max_tokens: 256,
  messages: [{ role: "user" as const, content: "Hello through the proxy [[mock: words=30]]" }],
};
const REPLY = "A fixed reply from the mock, through the proxy.";
const fixedReply = {
  ...params,
  messages: [{ role: "user" as const, content: `Say it [[mock: reply="${REPLY}"]]` }],
};

let upstream: Upstream;
let proxy: RunningProxy;
beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await startProxy(upstream.url);
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

/**
 * Both clients as a browser app would build them: a key of their own (forged) and the proxy's URL. Ours
 * has the official SDK's interface, so both are typed as the official one.
 */
function clients(): { official: OfficialAnthropic; colloquy: OfficialAnthropic } {
  const options = { apiKey: FORGED_KEY, baseURL: proxy.baseURL, maxRetries: 0 };
  return {
    official: new OfficialAnthropic(options),
    colloquy: new Anthropic(options) as unknown as OfficialAnthropic,
  };
}

/** What the mock itself answers, asked directly with the server's key. */
const direct = () => new Anthropic({ apiKey: SERVER_KEY, baseURL: upstream.url, maxRetries: 0 });

const textOf = (message: { content: Array<{ type: string; text?: string }> }) =>
  message.content.map((block) => (block.type === "text" ? block.text : "")).join("");

describe.each(["official", "colloquy"] as const)("the %s client through the proxy", (name) => {
  it("creates a message, with upstream's request id", async () => {
    const client = clients()[name];
    const { data, response } = await client.messages.create(params).withResponse();
    expect(textOf(data).split(/\s+/).filter(Boolean)).toHaveLength(30);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(textOf(await client.messages.create(fixedReply))).toBe(REPLY);
  });

  it("streams a message whose deltas add up to the created text", async () => {
    const client = clients()[name];
    const stream = client.messages.stream(fixedReply);
    let deltas = "";
    stream.on("text", (delta) => {
      deltas += delta;
    });
    expect(textOf(await stream.finalMessage())).toBe(REPLY);
    expect(deltas).toBe(REPLY);
  });

  it("counts tokens like the API", async () => {
    const client = clients()[name];
    const counted = await client.messages.countTokens({ model: params.model, messages: params.messages });
    const expected = await direct().messages.countTokens({ model: params.model, messages: params.messages });
    expect(counted.input_tokens).toBe(expected.input_tokens);
    expect(counted.input_tokens).toBeGreaterThan(0);
  });

  it("lists and retrieves models", async () => {
    const client = clients()[name];
    const page = await client.models.list({ limit: 3 });
    expect(page.data).toHaveLength(3);
    const first = page.data[0];
    if (!first) throw new Error("no model listed");
    expect((await client.models.retrieve(first.id)).id).toBe(first.id);
  });

  it("creates a batch and reads its results through the rewritten results_url", async () => {
    const client = clients()[name];
    const batch = await client.messages.batches.create({
      requests: [
        { custom_id: "first", params },
        { custom_id: "second", params: { ...params, max_tokens: 64 } },
      ],
    });
    let current = batch;
    while (current.processing_status !== "ended") {
      await new Promise((resolve) => setTimeout(resolve, 20));
      current = await client.messages.batches.retrieve(batch.id);
    }
    expect(current.results_url).toBe(`${proxy.baseURL}/v1/messages/batches/${batch.id}/results`);
    expect(current.results_url).not.toContain(upstream.url);

    const listed = await client.messages.batches.list();
    const listedBatch = listed.data.find((item) => item.id === batch.id);
    expect(listedBatch?.results_url).toBe(current.results_url);

    const ids: string[] = [];
    for await (const result of await client.messages.batches.results(batch.id)) {
      expect(result.result.type).toBe("succeeded");
      ids.push(result.custom_id);
    }
    expect(ids.sort()).toEqual(["first", "second"]);
  });

  it("raises the client's own NotFoundError for an unknown model", async () => {
    const client = clients()[name];
    const error = await client.models.retrieve("no-such-model").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(
      name === "official" ? OfficialAnthropic.NotFoundError : Anthropic.NotFoundError,
    );
  });
});

describe("credentials", () => {
  it("never lets the browser's key or cookies reach upstream, and sends the server's key instead", async () => {
    const before = upstream.seen.length;
    const { official, colloquy } = clients();
    await official.messages.create(params, { headers: { cookie: "session=browser-cookie" } });
    await colloquy.messages.create(params, {
      headers: { "anthropic-dangerous-direct-browser-access": "true", cookie: "session=browser-cookie" },
    });
    const seen = upstream.seen.slice(before);
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.headers["x-api-key"]).toBe(SERVER_KEY);
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers["anthropic-dangerous-direct-browser-access"]).toBeUndefined();
      expect(request.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(JSON.stringify(request.headers)).not.toContain(FORGED_KEY);
      expect(new URL(request.url).pathname).toBe("/v1/messages");
    }
  });

  it("forwards anthropic-beta", async () => {
    const before = upstream.seen.length;
    await clients().colloquy.messages.create(params, {
      headers: { "anthropic-beta": "some-beta-2025-01-01" },
    });
    expect(upstream.seen[before]?.headers["anthropic-beta"]).toBe("some-beta-2025-01-01");
  });
});

describe.each(["official", "colloquy"] as const)("aborting with the %s client", (name) => {
  it("aborts the upstream request when the browser aborts mid-stream", async () => {
    const client = clients()[name];
    const before = upstream.seen.length;
    const stream = client.messages.stream({
      ...params,
      messages: [{ role: "user", content: "A slow one [[mock: words=200 slow=50]]" }],
    });
    await new Promise<void>((resolve) => stream.once("text", () => resolve()));
    const seen = upstream.seen[before];
    if (!seen) throw new Error("upstream saw no request");
    expect(seen.signal.aborted).toBe(false);
    const upstreamAborted = new Promise<void>((resolve) =>
      seen.signal.addEventListener("abort", () => resolve()),
    );
    // The official MessageStream rejects its promises with APIUserAbortError; this test expects it.
    const ended = stream.done().catch((error: unknown) => error);
    stream.abort();
    await upstreamAborted;
    expect(await ended).toBeInstanceOf(
      name === "official" ? OfficialAnthropic.APIUserAbortError : Anthropic.APIUserAbortError,
    );
    expect(seen.signal.aborted).toBe(true);
  });
});

describe("the prefix", () => {
  it("serves only under its prefix and hands other paths to the app's next handler", async () => {
    const outside = await fetch(`${proxy.origin}/v1/messages`, { method: "POST", body: "{}" });
    expect(outside.status).toBe(418);
    const unknown = await fetch(`${proxy.origin}${PREFIX}/v1/files`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: "error", error: { type: "not_found_error" } });
  });
});

describe("the key", () => {
  it("never appears in a response, a hook's line or an error, whatever the outcome", async () => {
    const lines: string[] = [];
    const logged = await startProxy(upstream.url, {
      maxTokens: 500,
      models: ["claude-sonnet-4-6"],
      onRequest: (info) => {
        lines.push(JSON.stringify(info));
      },
      onResponse: (info) => {
        lines.push(JSON.stringify(info));
      },
    });
    const seen: string[] = [];
    /** A fetch that records every response's status, headers and body as the browser receives them. */
    const recordingFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init);
      const body = await response.clone().text();
      seen.push(`${response.status} ${JSON.stringify(Object.fromEntries(response.headers))} ${body}`);
      return response;
    };
    try {
      for (const client of [
        new OfficialAnthropic({
          apiKey: FORGED_KEY,
          baseURL: logged.baseURL,
          maxRetries: 0,
          fetch: recordingFetch,
        }),
        new Anthropic({ apiKey: FORGED_KEY, baseURL: logged.baseURL, maxRetries: 0, fetch: recordingFetch }),
      ] as OfficialAnthropic[]) {
        const outcomes = await Promise.allSettled([
          client.messages.create(params),
          client.messages.create({ ...params, max_tokens: 5000 }),
          client.messages.create({ ...params, model: "claude-opus-4-1" }),
          client.messages.create({ ...params, messages: [{ role: "user", content: "[[mock: error=401]]" }] }),
          client.messages.create({ ...params, messages: [{ role: "user", content: "[[mock: error=529]]" }] }),
          client.messages.stream(params).finalMessage(),
          client.models.retrieve("no-such-model"),
          client.get("/v1/files"),
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual([
          "fulfilled",
          "rejected",
          "rejected",
          "rejected",
          "rejected",
          "fulfilled",
          "rejected",
          "rejected",
        ]);
        for (const outcome of outcomes) {
          if (outcome.status === "fulfilled") continue;
          const error = outcome.reason as Error & { headers?: unknown; error?: unknown };
          const dump = `${String(error)} ${error.stack} ${JSON.stringify(error)} ${JSON.stringify(error.error)}`;
          expect(dump).not.toContain(SERVER_KEY);
        }
      }
    } finally {
      await logged.close();
    }
    expect(seen.length).toBeGreaterThanOrEqual(16);
    expect(lines.length).toBeGreaterThanOrEqual(16);
    for (const line of [...seen, ...lines]) expect(line).not.toContain(SERVER_KEY);
  });
});
