import { describe, expect, it } from "vitest";
import { Anthropic } from "../anthropic.js";
import { AnthropicError } from "../errors.js";
import { Messages } from "../resources/messages.js";
import { type CloudMessagesRequest, cloudMessages, rewriteCloudRequest } from "./cloud-request.js";

const init = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: new Headers({ "anthropic-version": "2023-06-01", ...headers }),
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const post = (path: string) => ({ method: "post", path });

describe("rewriteCloudRequest", () => {
  it("puts the cloud's version in the body, drops the header and ?beta, and keeps the base URL's prefix", () => {
    const seen: CloudMessagesRequest[] = [];
    const request = rewriteCloudRequest(
      "https://gateway.example/prefix/v1/messages?beta=true&keep=1",
      init({ model: "m", max_tokens: 5 }, { "anthropic-beta": "b1" }),
      post("/v1/messages?beta=true"),
      "cloud-2024-01-01",
      (messagesRequest) => {
        seen.push(messagesRequest);
        return { path: "/model/m/invoke", body: "rewritten" };
      },
    );
    expect(request.url).toBe("https://gateway.example/prefix/model/m/invoke?keep=1");
    expect(request.body).toBe("rewritten");
    expect(request.headers.has("anthropic-version")).toBe(false);
    expect(request.headers.get("anthropic-beta")).toBe("b1");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.endpoint).toBe("messages");
    expect(seen[0]?.fields).toEqual({ model: "m", max_tokens: 5, anthropic_version: "cloud-2024-01-01" });
  });

  it("keeps an anthropic_version the caller put in the body, and tells token counting apart", () => {
    let seen: CloudMessagesRequest | undefined;
    rewriteCloudRequest(
      "https://cloud.example/v1/messages/count_tokens",
      init({ model: "m", anthropic_version: "2026-10-21" }),
      post("/v1/messages/count_tokens"),
      "cloud-2024-01-01",
      (messagesRequest) => {
        seen = messagesRequest;
        return { path: "/count", body: "{}" };
      },
    );
    expect(seen?.endpoint).toBe("count_tokens");
    expect(seen?.fields.anthropic_version).toBe("2026-10-21");
  });

  it("passes through other endpoints, other methods and URLs middleware moved away from the canonical path", () => {
    const never = () => {
      throw new Error("must not rewrite");
    };
    const cases = [
      ["https://cloud.example/v1/models", { method: "get", path: "/v1/models" }],
      ["https://cloud.example/v1/messages", { method: "get", path: "/v1/messages" }],
      ["https://cloud.example/custom/route", post("/v1/messages")],
    ] as const;
    for (const [url, options] of cases) {
      const request = rewriteCloudRequest(url, init({ model: "m" }), options, "v", never);
      expect(request.url).toBe(url);
      expect(request.headers.get("anthropic-version")).toBe("2023-06-01");
    }
  });

  it("refuses a body that is not a JSON object with a typed error", () => {
    for (const body of ["[1, 2]", "not json", "null"]) {
      expect(() =>
        rewriteCloudRequest(
          "https://cloud.example/v1/messages",
          init(body),
          post("/v1/messages"),
          "v",
          () => ({
            path: "/x",
            body: "",
          }),
        ),
      ).toThrow(new AnthropicError("Expected a JSON object body for POST /v1/messages"));
    }
  });
});

describe("cloudMessages", () => {
  it("is the Messages resource without batches", () => {
    const messages = cloudMessages(new Anthropic({ apiKey: "k" }));
    expect(messages).toBeInstanceOf(Messages);
    expect("batches" in messages).toBe(false);
    expect(typeof messages.create).toBe("function");
    expect(typeof messages.stream).toBe("function");
    expect(typeof messages.countTokens).toBe("function");
  });
});
