import { describe, expect, it } from "vitest";
import { createProxyFetch } from "./create-client";

function recordingFetch() {
  const calls: { url: string; headers: Headers }[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response("{}");
  }) as typeof fetch;
  return { calls, fetcher };
}

describe("createProxyFetch", () => {
  const proxyBase = "http://127.0.0.1:5173/proxy/anthropic";

  it("sends proxy URLs as they are and drops any credential header", async () => {
    const { calls, fetcher } = recordingFetch();
    await createProxyFetch(proxyBase, fetcher)(`${proxyBase}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "placeholder", authorization: "Bearer x", "anthropic-version": "2023-06-01" },
    });
    expect(calls[0]?.url).toBe(`${proxyBase}/v1/messages`);
    expect(calls[0]?.headers.get("x-api-key")).toBeNull();
    expect(calls[0]?.headers.get("authorization")).toBeNull();
    expect(calls[0]?.headers.get("anthropic-version")).toBe("2023-06-01");
  });

  it("routes an absolute upstream URL (a batch's results_url) through the proxy", async () => {
    const { calls, fetcher } = recordingFetch();
    await createProxyFetch(
      proxyBase,
      fetcher,
    )("https://api.anthropic.com/v1/messages/batches/msgbatch_1/results?beta=true");
    expect(calls[0]?.url).toBe(`${proxyBase}/v1/messages/batches/msgbatch_1/results?beta=true`);
  });

  it("leaves URLs outside the API alone", async () => {
    const { calls, fetcher } = recordingFetch();
    await createProxyFetch(proxyBase, fetcher)(new URL("https://example.com/file.txt"));
    expect(calls[0]?.url).toBe("https://example.com/file.txt");
  });
});
