import { describe, expect, it } from "vitest";
import { createBedrockMock } from "./bedrock-mock.js";
import { createVertexMock, VERTEX_MOCK_ACCESS_TOKEN } from "./vertex-mock.js";

const bedrock = () => createBedrockMock({ apiKeys: ["test-key"] });
const invoke = (body: unknown, path = "/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke") =>
  new Request(`https://bedrock.mock${path}`, {
    method: "POST",
    headers: { authorization: "Bearer test-key", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const bedrockBody = {
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 50,
  messages: [{ role: "user", content: "Hi" }],
};

describe("createBedrockMock", () => {
  it("answers invoke with the Messages reply of the mapped model", async () => {
    const response = await bedrock().handle(invoke(bedrockBody));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(await response.json()).toMatchObject({ type: "message", model: "claude-sonnet-4-5-20250929" });
  });

  it("requires anthropic_version and refuses model and stream in the body, as Bedrock does", async () => {
    const missing = await bedrock().handle(invoke({ ...bedrockBody, anthropic_version: undefined }));
    expect(missing.status).toBe(400);
    expect(missing.headers.get("x-amzn-errortype")).toMatch(/^ValidationException/);
    expect((await missing.json()).message).toMatch(/required key \[anthropic_version\]/);
    for (const key of ["model", "stream"]) {
      const extra = await bedrock().handle(invoke({ ...bedrockBody, [key]: key === "stream" ? true : "x" }));
      expect(extra.status).toBe(400);
      expect((await extra.json()).message).toContain(`extraneous key [${key}]`);
    }
  });

  it("accepts the API's dated versions the official Bedrock SDK sends, and serves the body under them", async () => {
    for (const version of ["2023-06-01", "2026-10-21"]) {
      const response = await bedrock().handle(invoke({ ...bedrockBody, anthropic_version: version }));
      expect(response.status).toBe(200);
      expect((await response.json()).type).toBe("message");
    }
    // The core refuses sampling parameters under 2026-10-21 only: the version the body names is the one served.
    const strict = await bedrock().handle(
      invoke({ ...bedrockBody, anthropic_version: "2026-10-21", temperature: 0.5 }),
    );
    const lenient = await bedrock().handle(invoke({ ...bedrockBody, temperature: 0.5 }));
    expect(lenient.status).toBe(200);
    expect(strict.status).toBe(400);
    expect(strict.headers.get("x-amzn-errortype")).toMatch(/^ValidationException/);
  });

  it("still rejects an anthropic_version that is neither Bedrock's nor a dated API version", async () => {
    for (const version of ["2099-01-01", "garbage", "vertex-2023-10-16", 20231016]) {
      const response = await bedrock().handle(invoke({ ...bedrockBody, anthropic_version: version }));
      expect(response.status).toBe(400);
      expect(response.headers.get("x-amzn-errortype")).toMatch(/^ValidationException/);
      expect((await response.json()).message).toBe(
        `Malformed input request: #/anthropic_version: ${JSON.stringify(version)} is not a valid enum value, please reformat your input and try again.`,
      );
    }
  });

  it("serves its own paths whatever the core's basePath, and passes core options such as rateLimits", async () => {
    const limited = createBedrockMock({
      apiKeys: ["test-key"],
      basePath: "/api/anthropic",
      rateLimits: { requestsPerMinute: 1 },
    });
    expect((await limited.handle(invoke(bedrockBody))).status).toBe(200);
    const throttled = await limited.handle(invoke(bedrockBody));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("x-amzn-errortype")).toMatch(/^ThrottlingException/);
  });

  it("refuses an unknown Bedrock API key and an unsigned request with 403", async () => {
    const wrongKey = await bedrock().handle(
      new Request("https://bedrock.mock/model/m/invoke", {
        method: "POST",
        headers: { authorization: "Bearer nope" },
        body: "{}",
      }),
    );
    expect(wrongKey.status).toBe(403);
    const unsigned = await bedrock().handle(
      new Request("https://bedrock.mock/model/m/invoke", { method: "POST", body: "{}" }),
    );
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ message: "Missing Authentication Token" });
  });

  it("answers an unknown model with Bedrock's invalid model identifier error", async () => {
    const response = await bedrock().handle(
      invoke(bedrockBody, "/model/anthropic.claude-nonexistent-v1%3A0/invoke"),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe("The provided model identifier is invalid.");
  });

  it("streams in event-stream framing", async () => {
    const response = await bedrock().handle(
      invoke(bedrockBody, "/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke-with-response-stream"),
    );
    expect(response.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(bytes.buffer);
    const types: string[] = [];
    for (let offset = 0; offset < bytes.length; offset += view.getUint32(offset)) {
      const total = view.getUint32(offset);
      const payloadStart = offset + 12 + view.getUint32(offset + 4);
      const payload = JSON.parse(new TextDecoder().decode(bytes.subarray(payloadStart, offset + total - 4)));
      types.push(JSON.parse(Buffer.from(payload.bytes, "base64").toString("utf8")).type);
    }
    expect(types[0]).toBe("message_start");
    expect(types.at(-1)).toBe("message_stop");
    expect(types).not.toContain("ping");
  });
});

describe("createVertexMock", () => {
  const path =
    "/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict";
  const request = (body: unknown, token: string | null = VERTEX_MOCK_ACCESS_TOKEN, url = path) =>
    new Request(`https://vertex.mock${url}`, {
      method: "POST",
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: JSON.stringify(body),
    });
  const body = {
    anthropic_version: "vertex-2023-10-16",
    max_tokens: 50,
    messages: [{ role: "user", content: "Hi" }],
  };

  it("answers rawPredict with a message", async () => {
    const response = await createVertexMock().handle(request(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: "message", model: "claude-sonnet-4-5-20250929" });
  });

  it("answers a missing or unknown token with Google's 401 UNAUTHENTICATED", async () => {
    for (const token of [null, "ya29.unknown"]) {
      const response = await createVertexMock().handle(request(body, token));
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: 401, status: "UNAUTHENTICATED" });
    }
  });

  it("requires anthropic_version: vertex-2023-10-16 or a dated API version", async () => {
    for (const version of ["bedrock-2023-05-31", "2099-01-01", "nonsense"]) {
      const response = await createVertexMock().handle(request({ ...body, anthropic_version: version }));
      expect(response.status).toBe(400);
      expect((await response.json()).error).toEqual({
        type: "invalid_request_error",
        message:
          "anthropic_version: Input should be 'vertex-2023-10-16', '2023-01-01', '2023-06-01' or '2026-10-21'",
      });
    }
    const missing = await createVertexMock().handle(request({ ...body, anthropic_version: undefined }));
    expect((await missing.json()).error.message).toBe("anthropic_version: Field required");
  });

  it("accepts the API's dated versions the official Vertex SDK sends", async () => {
    for (const version of ["2023-06-01", "2026-10-21"]) {
      const response = await createVertexMock().handle(request({ ...body, anthropic_version: version }));
      expect(response.status).toBe(200);
      expect((await response.json()).type).toBe("message");
    }
  });

  it("counts tokens on count-tokens:rawPredict", async () => {
    const response = await createVertexMock().handle(
      request(
        {
          anthropic_version: "vertex-2023-10-16",
          model: "claude-sonnet-4-5@20250929",
          messages: body.messages,
        },
        VERTEX_MOCK_ACCESS_TOKEN,
        "/v1/projects/p/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict",
      ),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).input_tokens).toBeGreaterThan(0);
  });
});
