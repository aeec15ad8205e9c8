// The Vercel AI SDK's Anthropic provider, a client nobody here wrote, against the mock: every call must
// pass the provider's own response schemas, streaming and not.
import { createAnthropic } from "@ai-sdk/anthropic";
import { APICallError, generateText, jsonSchema, Output, streamText, tool } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createMockApi } from "../src/create-mock-api.js";
import type { RunningMockApi } from "../src/node.js";
import { startMockApi } from "../src/node.js";

const MODEL = "claude-sonnet-4-6";

let server: RunningMockApi;
let anthropic: ReturnType<typeof createAnthropic>;

beforeAll(async () => {
  server = await startMockApi();
  anthropic = createAnthropic({ baseURL: `${server.url}/v1`, apiKey: "test-key" });
});
afterAll(() => server.close());

const weatherInput = z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]) });
const weather = tool({ description: "Current weather in a city", inputSchema: weatherInput });

describe("@ai-sdk/anthropic against the mock (over loopback)", () => {
  it("generateText reads a non-streaming reply", async () => {
    const result = await generateText({ model: anthropic(MODEL), prompt: "Hello there", maxRetries: 0 });
    expect(result.text).toMatch(/^This is a mock reply to “Hello there”\./);
    expect(result.finishReason).toBe("stop");
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it("accepts the provider's default max_tokens (the model's documented 128K output limit)", async () => {
    const body = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const spy = createAnthropic({
        baseURL: `${server.url}/v1`,
        apiKey: "test-key",
        fetch: async (input, init) => {
          resolve(JSON.parse(String(init?.body)) as Record<string, unknown>);
          return fetch(input, init);
        },
      });
      generateText({ model: spy("claude-haiku-5-5"), prompt: "Hi", maxRetries: 0 }).catch(reject);
    });
    expect(body.max_tokens).toBe(128_000);
  });

  it("streamText streams text and ends with the usage", async () => {
    const result = streamText({
      model: anthropic(MODEL),
      prompt: "Stream [[mock: words=12]]",
      maxRetries: 0,
    });
    const chunks: string[] = [];
    for await (const chunk of result.textStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("").split(" ")).toHaveLength(12);
    expect(await result.finishReason).toBe("stop");
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
  });

  it("returns a tool call whose input satisfies the tool's schema, streamed or not", async () => {
    const prompt = "Weather in Paris? [[mock: tool=weather]]";
    const generated = await generateText({
      model: anthropic(MODEL),
      prompt,
      tools: { weather },
      maxRetries: 0,
    });
    expect(generated.finishReason).toBe("tool-calls");
    expect(generated.toolCalls).toHaveLength(1);
    expect(generated.toolCalls[0]?.toolName).toBe("weather");
    expect(weatherInput.parse(generated.toolCalls[0]?.input)).toEqual({
      city: expect.any(String),
      unit: "celsius",
    });

    const streamed = streamText({ model: anthropic(MODEL), prompt, tools: { weather }, maxRetries: 0 });
    const calls = await streamed.toolCalls;
    expect(calls.map((call) => call.input)).toEqual(generated.toolCalls.map((call) => call.input));
  });

  it("returns reasoning when thinking is enabled", async () => {
    const options = {
      model: anthropic(MODEL),
      prompt: "Think first",
      maxRetries: 0,
      providerOptions: { anthropic: { thinking: { type: "enabled", budgetTokens: 2048 } } },
    } as const;
    const generated = await generateText(options);
    expect(generated.reasoningText).toMatch(/^The user wrote "Think first"/);
    expect(generated.text).toMatch(/^This is a mock reply/);
    const streamed = streamText(options);
    expect(await streamed.reasoningText).toBe(generated.reasoningText);
  });

  it("answers Output.object with JSON that satisfies the schema", async () => {
    // The provider moves numeric and length bounds into descriptions (the API's structured outputs do
    // not take them), so the schema here uses what reaches the mock: types, enums, nesting, nullables.
    const schema = z.object({
      title: z.string(),
      year: z.number().int(),
      genres: z.array(z.enum(["drama", "comedy"])),
      rating: z.object({ stars: z.number(), source: z.string().nullable() }),
      released: z.boolean(),
    });
    const generated = await generateText({
      model: anthropic(MODEL),
      prompt: "A film, please",
      output: Output.object({ schema }),
      maxRetries: 0,
    });
    expect(schema.parse(generated.output)).toEqual(generated.output);
    expect(generated.output.genres).toEqual(["drama"]);

    const streamed = streamText({
      model: anthropic(MODEL),
      prompt: "Another film",
      output: Output.object({
        schema: jsonSchema<{ name: string }>({
          type: "object",
          properties: { name: { type: "string" } },
          required: ["name"],
          additionalProperties: false,
        }),
      }),
      maxRetries: 0,
    });
    expect(await streamed.output).toEqual({ name: "example name" });
  });

  it("surfaces a 529 as an APICallError, streamed or not", async () => {
    const failing = createAnthropic({
      baseURL: `${server.url}/v1`,
      apiKey: "test-key",
      headers: { "x-mock-trigger": "error=529" },
    });
    const error = await generateText({ model: failing(MODEL), prompt: "Hi", maxRetries: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(529);
    expect((error as APICallError).isRetryable).toBe(true);

    const errors: unknown[] = [];
    const streamed = streamText({
      model: failing(MODEL),
      prompt: "Hi",
      maxRetries: 0,
      onError: ({ error: streamError }) => {
        errors.push(streamError);
      },
    });
    await streamed.consumeStream();
    expect(errors).toHaveLength(1);
    expect((errors[0] as APICallError).statusCode).toBe(529);
  });

  it("works with the in-process core as its fetch", async () => {
    const api = createMockApi();
    const inProcess = createAnthropic({
      baseURL: "https://api.anthropic.com/v1",
      apiKey: "test-key",
      fetch: (input, init) => api.handle(new Request(input, init)),
    });
    const result = await generateText({ model: inProcess(MODEL), prompt: "In process", maxRetries: 0 });
    expect(result.text).toMatch(/^This is a mock reply to “In process”\./);
  });
});
