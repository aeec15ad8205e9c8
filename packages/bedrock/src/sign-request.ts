import { AwsV4Signer } from "aws4fetch";
import type { AwsCredentials } from "./aws-credentials.js";

/** What {@link signRequest} signs. */
export interface RequestToSign {
  method: string;
  url: string;
  headers: Headers;
  /** The exact body that will be sent; hashed into the signature. */
  body?: string | undefined;
}

/** Where and when a signature applies. */
export interface SigningScope {
  region: string;
  /** @default "bedrock" */
  service?: string | undefined;
  /** `YYYYMMDDTHHMMSSZ`; for reproducible signatures in tests. @default now */
  datetime?: string | undefined;
}

/**
 * Signs a request with AWS Signature Version 4 (through `aws4fetch`, which uses WebCrypto and runs in
 * browsers, workers and Node) and returns its headers with `authorization`, `x-amz-date` and, for
 * temporary credentials, `x-amz-security-token` set. Every header present is signed except the ones
 * AWS leaves out (`content-type`, `content-length`, `user-agent`, ...), so the headers must be sent
 * unchanged.
 */
export async function signRequest(
  request: RequestToSign,
  credentials: AwsCredentials,
  scope: SigningScope,
): Promise<Headers> {
  const signer = new AwsV4Signer({
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body ?? null,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken ?? undefined,
    service: scope.service ?? "bedrock",
    region: scope.region,
    datetime: scope.datetime,
  });
  const signed = await signer.sign();
  return signed.headers;
}
