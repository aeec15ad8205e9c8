import Anthropic, { type APIError } from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { MODEL, rawHeaders, startForFile, startWithClient } from "./helpers.js";

const { server, client } = await startForFile();

const user = (content: string) => ({ role: "user" as const, content });
/** A request body for MODEL with max_tokens 10 and these messages. */
const bodyWith = (...messages: unknown[]) => ({ model: MODEL, max_tokens: 10, messages });

/** Sends a body the SDK types would not allow, and returns the error it throws. */
async function createError(
  body: Record<string, unknown>,
  options: Anthropic.RequestOptions = {},
): Promise<APIError> {
  try {
    await client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming, options);
  } catch (error) {
    return error as APIError;
  }
  throw new Error("expected the request to fail");
}

function expectInvalid(error: APIError, message: RegExp) {
  expect(error).toBeInstanceOf(Anthropic.BadRequestError);
  expect(error.status).toBe(400);
  expect(error.type).toBe("invalid_request_error");
  expect((error.error as { error: { message: string } }).error.message).toMatch(message);
  expect(error.requestID).toMatch(/^req_/);
  expect((error.error as { request_id: string }).request_id).toBe(error.requestID);
}

describe("validation errors surface as the official error classes", () => {
  it("rejects a missing max_tokens", async () => {
    expectInvalid(await createError({ model: MODEL, messages: [user("hi")] }), /max_tokens: Field required/);
  });

  it("rejects a missing model", async () => {
    expectInvalid(await createError({ max_tokens: 10, messages: [user("hi")] }), /model: Field required/);
  });

  it("rejects missing and empty messages", async () => {
    expectInvalid(await createError({ model: MODEL, max_tokens: 10 }), /messages: Field required/);
    expectInvalid(await createError(bodyWith()), /at least one message/);
  });

  it("rejects a conversation that does not start with a user message", async () => {
    const error = await createError(bodyWith({ role: "assistant", content: "hi" }));
    expectInvalid(error, /first message must use the "user" role/);
  });

  it("rejects an unknown content block type", async () => {
    const error = await createError(bodyWith({ role: "user", content: [{ type: "hologram", text: "x" }] }));
    expectInvalid(error, /messages\.0\.content\.0: Input tag 'hologram'/);
  });

  it("rejects empty user content", async () => {
    expectInvalid(await createError(bodyWith(user(""))), /non-empty content/);
  });

  it("rejects a tool_result without a matching tool_use before it", async () => {
    const error = await createError(
      bodyWith(
        user("hi"),
        { role: "assistant", content: "hello" },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_missing", content: "x" }] },
      ),
    );
    expectInvalid(error, /unexpected `tool_use_id` found in `tool_result` blocks: toolu_missing/);
  });

  it("rejects a tool_use that the next user turn does not answer", async () => {
    const error = await createError(
      bodyWith(
        user("hi"),
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "t", input: {} }] },
        user("never mind"),
      ),
    );
    expectInvalid(error, /`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1/);
  });

  it("rejects a thinking budget below 1024 or not below max_tokens", async () => {
    const small = await createError({
      model: "claude-haiku-4-5",
      max_tokens: 4000,
      thinking: { type: "enabled", budget_tokens: 100 },
      messages: [user("hi")],
    });
    expectInvalid(small, /budget_tokens: Input should be greater than or equal to 1024/);
    const large = await createError({
      model: "claude-haiku-4-5",
      max_tokens: 2000,
      thinking: { type: "enabled", budget_tokens: 2000 },
      messages: [user("hi")],
    });
    expectInvalid(large, /max_tokens must be greater than thinking.budget_tokens/);
  });

  it("rejects temperature under 2026-10-21 but accepts it under 2023-06-01", async () => {
    const error = await createError({ ...bodyWith(user("hi")), temperature: 0.5 });
    expectInvalid(error, /temperature: Extra inputs are not permitted/);
    const response = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: rawHeaders,
      body: JSON.stringify({ model: MODEL, max_tokens: 10, temperature: 0.5, messages: [user("hi")] }),
    });
    expect(response.status).toBe(200);
  });

  it("rejects a document in an assistant turn under 2026-10-21", async () => {
    const error = await createError(
      bodyWith(
        user("hi"),
        {
          role: "assistant",
          content: [{ type: "document", source: { type: "text", media_type: "text/plain", data: "x" } }],
        },
        user("and?"),
      ),
    );
    expectInvalid(error, /document blocks are not allowed in assistant messages/);
  });

  it("rejects a max_tokens above the model's limit", async () => {
    expectInvalid(
      await createError({ model: MODEL, max_tokens: 10_000_000, messages: [user("hi")] }, { timeout: 1000 }),
      /maximum allowed number of output tokens/,
    );
  });

  it("answers malformed JSON with a 400 error envelope", async () => {
    const response = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: rawHeaders,
      body: "{not json",
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error" },
      request_id: response.headers.get("request-id"),
    });
    expect(body.error.message).toMatch(/error parsing the body/);
  });

  it("answers a body over 32 MB with 413 request_too_large", async () => {
    const huge = "x".repeat(33 * 1024 * 1024);
    const error = await createError(bodyWith(user(huge)));
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error.status).toBe(413);
    expect(error.type).toBe("request_too_large");
  });

  it("answers an unknown model with NotFoundError", async () => {
    const error = await createError({ model: "claude-imaginary-9", max_tokens: 10, messages: [user("hi")] });
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.type).toBe("not_found_error");
    expect(error.message).toMatch(/claude-imaginary-9/);
  });

  it("answers an unknown route with a 404 error body", async () => {
    const error: unknown = await client.get("/v1/holograms").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as APIError).requestID).toMatch(/^req_/);
  });
});

describe("authentication", () => {
  it("answers a missing key with 401 authentication_error", async () => {
    const response = await fetch(`${server.url}/v1/models`, {
      headers: { "anthropic-version": "2023-06-01" },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ error: { type: "authentication_error" } });
  });

  it("accepts only the configured key when apiKey is set", async () => {
    const strict = await startWithClient({ apiKey: "right-key" }, { apiKey: "wrong-key" });
    try {
      const error = await strict.client.models.list().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
      const good = new Anthropic({ apiKey: "right-key", baseURL: strict.server.url, maxRetries: 0 });
      expect((await good.models.list()).data.length).toBeGreaterThan(0);
    } finally {
      await strict.server.close();
    }
  });

  it("answers a missing anthropic-version with 400", async () => {
    const response = await fetch(`${server.url}/v1/models`, { headers: { "x-api-key": "k" } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/anthropic-version/);
  });
});

describe("error triggers", () => {
  it("answers error=429 with RateLimitError and a retry-after header", async () => {
    const error = await createError(bodyWith(user("hi [[mock: error=429]]")));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.headers?.get("retry-after")).toBe("1");
    expect(error.type).toBe("rate_limit_error");
  });

  it("answers error=500 with InternalServerError", async () => {
    const error = await createError(bodyWith(user("hi")), { headers: { "x-mock-trigger": "error=500" } });
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect(error.type).toBe("api_error");
  });

  it("answers error=529 with an overloaded_error", async () => {
    const error = await createError(bodyWith(user("hi [[ MOCK error=529 ]]")));
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect(error.status).toBe(529);
    expect(error.type).toBe("overloaded_error");
  });

  it("fails only the first N attempts with x-mock-fail-times, so the SDK's retries succeed", async () => {
    const retrying = new Anthropic({ apiKey: "k", baseURL: server.url, maxRetries: 2 });
    const headers = { "x-mock-fail-times": "2", "x-mock-trigger": "error=529; retry-after-ms=1" };
    const message = await retrying.messages
      .create({ model: MODEL, max_tokens: 10, messages: [user("retry me")] }, { headers })
      .withResponse();
    expect(message.data.type).toBe("message");
    expect(message.response.headers.get("request-id")).toMatch(/^req_/);

    const impatient = new Anthropic({ apiKey: "k", baseURL: server.url, maxRetries: 1 });
    const error = await impatient.messages
      .create({ model: MODEL, max_tokens: 10, messages: [user("retry me again")] }, { headers })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
  });

  it("sends an error event mid-stream that the SDK throws as an APIError", async () => {
    const stream = await client.messages.create({
      model: MODEL,
      max_tokens: 100,
      stream: true,
      messages: [user("[[mock: stream-error=overloaded_error after=5]] hi")],
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event.type);
    })().catch((caught: unknown) => caught as APIError);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error?.status).toBeUndefined();
    expect(error?.type).toBe("overloaded_error");
    expect(seen[0]).toBe("message_start");
    expect(seen).not.toContain("message_stop");
  });

  it("drops the connection mid-stream without message_stop", async () => {
    const stream = client.messages.stream(
      {
        model: MODEL,
        max_tokens: 100,
        messages: [user("hi")],
      },
      { headers: { "x-mock-trigger": "drop after=4" } },
    );
    const texts: string[] = [];
    stream.on("text", (text) => texts.push(text));
    await expect(stream.finalMessage()).rejects.toThrow();
    expect(texts.length).toBeGreaterThan(0);
  });
});
