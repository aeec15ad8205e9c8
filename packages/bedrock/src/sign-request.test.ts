import { BEDROCK_MOCK_CREDENTIALS, verifySigV4 } from "@colloquy/mock-api/clouds";
import { describe, expect, it } from "vitest";
import { signRequest } from "./sign-request.js";

/**
 * The AWS Signature Version 4 test suite's example credentials and clock (as published by AWS and
 * shipped in @aws-sdk/signature-v4's and aws-c-auth's fixtures).
 */
const suite = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  scope: { region: "us-east-1", service: "service", datetime: "20150830T123600Z" },
};

describe("signRequest", () => {
  it.each([
    {
      vector: "get-vanilla",
      url: "https://example.amazonaws.com/",
      signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    },
    {
      // Query parameters sorted by key.
      vector: "get-vanilla-query-order-key-case",
      url: "https://example.amazonaws.com/?Param2=value2&Param1=value1",
      signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    },
  ])('reproduces the AWS test suite\'s "$vector" signature exactly', async ({ url, signature }) => {
    const headers = await signRequest(
      { method: "GET", url, headers: new Headers() },
      suite.credentials,
      suite.scope,
    );
    expect(headers.get("x-amz-date")).toBe("20150830T123600Z");
    expect(headers.get("authorization")).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    );
  });

  it("adds the session token of temporary credentials as a signed header", async () => {
    const headers = await signRequest(
      {
        method: "POST",
        url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke",
        headers: new Headers(),
        body: "{}",
      },
      { ...suite.credentials, sessionToken: "session-token" },
      { region: "us-east-1" },
    );
    expect(headers.get("x-amz-security-token")).toBe("session-token");
    expect(headers.get("authorization")).toMatch(/SignedHeaders=host;x-amz-date;x-amz-security-token,/);
    expect(headers.get("authorization")).toMatch(/\/us-east-1\/bedrock\/aws4_request,/);
  });

  it("produces signatures the mock's independent verifier accepts, and only for the signed body", async () => {
    const url = "http://127.0.0.1:1/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke";
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [] });
    const headers = await signRequest(
      {
        method: "POST",
        url,
        headers: new Headers({ "content-type": "application/json", accept: "application/json" }),
        body,
      },
      BEDROCK_MOCK_CREDENTIALS,
      { region: "us-east-1" },
    );
    const verify = (sentBody: string) =>
      verifySigV4(
        new Request(url, { method: "POST", headers, body: sentBody }),
        new TextEncoder().encode(sentBody),
        {
          credentials: [BEDROCK_MOCK_CREDENTIALS],
          region: "us-east-1",
          service: "bedrock",
          now: Date.now(),
        },
      );
    expect(await verify(body)).toBeUndefined();
    expect(await verify(body.replace("10", "11"))).toMatchObject({ errorType: "InvalidSignatureException" });
  });
});
