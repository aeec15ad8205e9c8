import { createMockApi } from "@colloquy/mock-api";
import { describe, expect, it } from "vitest";
import { jsonResponse, message, params, scriptedFetch } from "../../test/scripted-fetch.js";
import Anthropic from "../index.js";

// The official 1.x types put some headers among a method's params ("Header param:" in their docs):
// `betas` (anthropic-beta), `workspace_id` (anthropic-workspace-id) and `user_profile_id`
// (anthropic-user-profile-id). They must reach the API as headers, never in the body or the query.

const batch = {
  id: "msgbatch_1",
  type: "message_batch",
  processing_status: "ended",
  results_url: "https://api.anthropic.com/v1/messages/batches/msgbatch_1/results",
};
const page = { data: [], has_more: false, first_id: null, last_id: null };
const requests = [{ custom_id: "a", params }];

function setup(...answers: Response[]) {
  const fetch = scriptedFetch(...answers);
  return { fetch, client: new Anthropic({ apiKey: "k", fetch, maxRetries: 0 }) };
}

/** The request's header params and whatever else it carried (body or query). */
async function sent(request: Request) {
  const url = new URL(request.url);
  return {
    beta: request.headers.get("anthropic-beta"),
    workspace: request.headers.get("anthropic-workspace-id"),
    userProfile: request.headers.get("anthropic-user-profile-id"),
    query: Object.fromEntries(url.searchParams),
    body: request.method === "GET" || request.method === "DELETE" ? undefined : await request.text(),
  };
}

const headers = { betas: ["b-1", "b-2"], workspace_id: "wrkspc_1" };

describe("header params go into headers, out of the body and query", () => {
  it("beta.messages.create: betas, user_profile_id and workspace_id", async () => {
    const { fetch, client } = setup(jsonResponse(message));
    await client.beta.messages.create({ ...params, ...headers, user_profile_id: "uprof_1" });
    const got = await sent(fetch.requests[0]!);
    expect(got).toMatchObject({ beta: "b-1,b-2", workspace: "wrkspc_1", userProfile: "uprof_1" });
    expect(JSON.parse(got.body!)).toEqual(params);
  });

  it("messages.create and messages.stream: user_profile_id and workspace_id", async () => {
    const { fetch, client } = setup(jsonResponse(message), jsonResponse(message));
    await client.messages.create({ ...params, user_profile_id: "uprof_1", workspace_id: "wrkspc_1" });
    const stream = client.messages.stream({ ...params, workspace_id: "wrkspc_2" });
    await stream.done().catch(() => {}); // the scripted answer is JSON, not SSE: only the request matters
    const [create, streamed] = await Promise.all(fetch.requests.map(sent));
    expect(create).toMatchObject({ workspace: "wrkspc_1", userProfile: "uprof_1" });
    expect(JSON.parse(create!.body!)).toEqual(params);
    expect(streamed!.workspace).toBe("wrkspc_2");
    expect(JSON.parse(streamed!.body!)).toEqual({ ...params, stream: true });
  });

  it("messages.countTokens and beta.messages.countTokens", async () => {
    const count = { input_tokens: 3 };
    const { fetch, client } = setup(jsonResponse(count), jsonResponse(count));
    const { max_tokens: _, ...countParams } = params;
    await client.messages.countTokens({ ...countParams, workspace_id: "wrkspc_1" });
    await client.beta.messages.countTokens({ ...countParams, betas: ["b-1"], user_profile_id: "u" });
    const [ga, beta] = await Promise.all(fetch.requests.map(sent));
    expect(ga).toMatchObject({ workspace: "wrkspc_1", beta: null });
    expect(beta).toMatchObject({ beta: "b-1", userProfile: "u" });
    expect(JSON.parse(ga!.body!)).toEqual(countParams);
    expect(JSON.parse(beta!.body!)).toEqual(countParams);
  });

  it("beta.messages.batches.create: betas merged with the namespace's beta header", async () => {
    const { fetch, client } = setup(jsonResponse(batch));
    await client.beta.messages.batches.create({ requests, ...headers, user_profile_id: "uprof_1" });
    const got = await sent(fetch.requests[0]!);
    expect(got).toMatchObject({
      beta: "message-batches-2024-09-24,b-1,b-2",
      workspace: "wrkspc_1",
      userProfile: "uprof_1",
    });
    expect(JSON.parse(got.body!)).toEqual({ requests });
  });

  it("batches.retrieve, cancel, delete (GA and beta) take them as (id, params)", async () => {
    const { fetch, client } = setup(...Array.from({ length: 6 }, () => jsonResponse(batch)));
    for (const batches of [client.messages.batches, client.beta.messages.batches]) {
      await batches.retrieve("msgbatch_1", headers);
      await batches.cancel("msgbatch_1", headers);
      await batches.delete("msgbatch_1", headers);
    }
    for (const request of fetch.requests) {
      const got = await sent(request);
      expect(got.workspace).toBe("wrkspc_1");
      expect(got.beta).toMatch(/(^|,)b-1,b-2$/);
      expect(got.query).toEqual({});
      if (got.body !== undefined) expect(got.body).not.toMatch(/betas|workspace_id/);
    }
  });

  it("batches.list and models.list (GA and beta): headers, not query", async () => {
    const { fetch, client } = setup(...Array.from({ length: 4 }, () => jsonResponse(page)));
    await client.messages.batches.list({ limit: 2, workspace_id: "wrkspc_1" });
    await client.beta.messages.batches.list({ limit: 2, ...headers });
    await client.models.list({ limit: 2, workspace_id: "wrkspc_1" });
    await client.beta.models.list({ limit: 2, ...headers });
    const [gaBatches, betaBatches, gaModels, betaModels] = await Promise.all(fetch.requests.map(sent));
    for (const got of [gaBatches, betaBatches, gaModels, betaModels]) {
      expect(got!.query).toEqual({ limit: "2" });
      expect(got!.workspace).toBe("wrkspc_1");
    }
    expect(gaModels!.beta).toBeNull();
    expect(betaModels!.beta).toBe("b-1,b-2");
    expect(betaBatches!.beta).toBe("message-batches-2024-09-24,b-1,b-2");
  });

  it("models.retrieve and batches.results: (id, params, options)", async () => {
    const { fetch, client } = setup(
      jsonResponse({ type: "model", id: "claude-sonnet-4-6" }),
      jsonResponse(batch),
      new Response("", { headers: { "content-type": "application/binary" } }),
    );
    await client.beta.models.retrieve("claude-sonnet-4-6", headers, { headers: { "x-trace": "a" } });
    const results = await client.messages.batches.results("msgbatch_1", { workspace_id: "wrkspc_1" });
    for await (const _ of results) throw new Error("no results were scripted");
    const [model, retrieve, download] = await Promise.all(fetch.requests.map(sent));
    expect(model).toMatchObject({ beta: "b-1,b-2", workspace: "wrkspc_1", query: {} });
    expect(fetch.requests[0]!.headers.get("x-trace")).toBe("a");
    expect(retrieve!.workspace).toBe("wrkspc_1");
    expect(download!.workspace).toBe("wrkspc_1");
    expect(fetch.requests[2]!.url).toBe(batch.results_url);
  });

  it("a call's own anthropic-beta header is merged with betas, each beta once; its null removes it", async () => {
    const { fetch, client } = setup(jsonResponse(message), jsonResponse(batch));
    await client.beta.messages.create(
      { ...params, betas: ["b-1", "b-2"] },
      { headers: { "Anthropic-Beta": "b-2, b-3" } },
    );
    await client.beta.messages.batches.retrieve(
      "msgbatch_1",
      { betas: ["b-1"] },
      { headers: { "anthropic-beta": null } },
    );
    expect(fetch.requests[0]!.headers.get("anthropic-beta")).toBe("b-1,b-2,b-3");
    expect(fetch.requests[1]!.headers.get("anthropic-beta")).toBeNull();
  });

  it("a call's own workspace header wins over workspace_id, as in the official SDK", async () => {
    const { fetch, client } = setup(jsonResponse(message));
    await client.messages.create(
      { ...params, workspace_id: "wrkspc_param" },
      { headers: { "anthropic-workspace-id": "wrkspc_header" } },
    );
    expect(fetch.requests[0]!.headers.get("anthropic-workspace-id")).toBe("wrkspc_header");
  });
});

describe("against the mock API, which refuses unknown body fields", () => {
  const client = () => {
    const api = createMockApi();
    return new Anthropic({
      apiKey: "sk-ant-test",
      fetch: (input, init) => api.handle(new Request(input, init)),
    });
  };

  it("accepts a beta batch and a beta message whose params carry betas", async () => {
    const anthropic = client();
    const created = await anthropic.beta.messages.batches.create({
      requests,
      betas: ["files-api-2025-04-14"],
    });
    expect(created.type).toBe("message_batch");
    const reply = await anthropic.beta.messages.create({
      ...params,
      betas: ["interleaved-thinking-2025-05-14"],
    });
    expect(reply.type).toBe("message");
  });
});
