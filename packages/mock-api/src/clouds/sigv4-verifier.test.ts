import { describe, expect, it } from "vitest";
import { canonicalRequest, signatureOf, verifySigV4 } from "./sigv4-verifier.js";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const suite = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const suiteTime = Date.UTC(2015, 7, 30, 12, 36, 0);
const vanillaAuthorization =
  "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

function vanillaRequest(authorization = vanillaAuthorization): Request {
  return new Request("https://example.amazonaws.com/", {
    headers: { host: "example.amazonaws.com", "x-amz-date": "20150830T123600Z", authorization },
  });
}

const verifyOptions = { credentials: [suite], region: "us-east-1", service: "service", now: suiteTime };

describe("SigV4 verification", () => {
  it('builds the canonical request and signature of the AWS test suite\'s "get-vanilla"', async () => {
    const headers = new Headers({ host: "example.amazonaws.com", "x-amz-date": "20150830T123600Z" });
    const canonical = canonicalRequest(
      "GET",
      new URL("https://example.amazonaws.com/"),
      headers,
      ["host", "x-amz-date"],
      EMPTY_SHA256,
    );
    expect(canonical).toBe(
      `GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n${EMPTY_SHA256}`,
    );
    const signature = await signatureOf(
      canonical,
      "20150830T123600Z",
      { date: "20150830", region: "us-east-1", service: "service" },
      suite.secretAccessKey,
    );
    expect(signature).toBe("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  });

  it("accepts the published get-vanilla request and refuses it with one signature digit changed", async () => {
    expect(await verifySigV4(vanillaRequest(), new Uint8Array(), verifyOptions)).toBeUndefined();
    const tampered = vanillaAuthorization.replace(/f31$/, "f32");
    expect(await verifySigV4(vanillaRequest(tampered), new Uint8Array(), verifyOptions)).toMatchObject({
      errorType: "InvalidSignatureException",
    });
  });

  it("refuses a request without Authorization as AWS does", async () => {
    const request = new Request("https://example.amazonaws.com/");
    expect(await verifySigV4(request, new Uint8Array(), verifyOptions)).toEqual({
      errorType: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
  });

  it("refuses a signature older than the allowed clock skew", async () => {
    const failure = await verifySigV4(vanillaRequest(), new Uint8Array(), {
      ...verifyOptions,
      now: suiteTime + 16 * 60_000,
    });
    expect(failure?.message).toBe(
      "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)",
    );
  });

  it("refuses a signature scoped to another region or an unknown key", async () => {
    expect(
      (await verifySigV4(vanillaRequest(), new Uint8Array(), { ...verifyOptions, region: "eu-west-1" }))
        ?.message,
    ).toMatch(/scoped to a valid region/);
    expect(
      (await verifySigV4(vanillaRequest(), new Uint8Array(), { ...verifyOptions, credentials: [] }))
        ?.errorType,
    ).toBe("UnrecognizedClientException");
  });
});
