/** Test credentials the Bedrock mock accepts. */
export interface MockAwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry it as `x-amz-security-token`. */
  sessionToken?: string | undefined;
}

/** Why a signature was refused, as AWS words it (status 403 for each). */
export interface SignatureFailure {
  /** The `x-amzn-ErrorType` AWS sends, e.g. `InvalidSignatureException`. */
  errorType: string;
  message: string;
}

/** What {@link verifySigV4} needs besides the request. */
export interface VerifyOptions {
  credentials: readonly MockAwsCredentials[];
  region: string;
  service: string;
  /** Epoch milliseconds. */
  now: number;
  /** How far `x-amz-date` may be from `now`. @default 15 minutes, as AWS allows */
  maxSkewMs?: number | undefined;
}

const encoder = new TextEncoder();
const ALGORITHM = "AWS4-HMAC-SHA256";
const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

async function hmac(key: Uint8Array | ArrayBuffer, data: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    key as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(data));
}

/** RFC 3986 percent-encoding, as SigV4 requires (`encodeURIComponent` leaves `!'()*` alone). */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The SigV4 canonical request of a request as received, for services other than S3: the path as sent
 * is encoded once more (so `%3A` becomes `%253A`), query pairs are encoded and sorted, header values
 * are trimmed with inner whitespace collapsed.
 */
export function canonicalRequest(
  method: string,
  url: URL,
  headers: Headers,
  signedHeaders: readonly string[],
  payloadHash: string,
): string {
  const path = url.pathname.replace(/\/+/g, "/");
  const canonicalPath = path.split("/").map(uriEncode).join("/");
  const query = [...url.searchParams]
    .filter(([key]) => key !== "")
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([keyA, valueA], [keyB, valueB]) =>
      keyA < keyB ? -1 : keyA > keyB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0,
    )
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${(name === "host" ? (headers.get("host") ?? url.host) : (headers.get(name) ?? "")).trim().replace(/\s+/g, " ")}\n`,
    )
    .join("");
  return [
    method.toUpperCase(),
    canonicalPath,
    query,
    canonicalHeaders,
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

/** The SigV4 signature (hex) of a canonical request. */
export async function signatureOf(
  canonical: string,
  amzDate: string,
  scope: { date: string; region: string; service: string },
  secretAccessKey: string,
): Promise<string> {
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, credentialScope, await sha256Hex(canonical)].join("\n");
  const dateKey = await hmac(encoder.encode(`AWS4${secretAccessKey}`), scope.date);
  const regionKey = await hmac(dateKey, scope.region);
  const serviceKey = await hmac(regionKey, scope.service);
  const signingKey = await hmac(serviceKey, "aws4_request");
  return hex(await hmac(signingKey, stringToSign));
}

function parseAmzDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

function formatAmzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[:-]|\.\d{3}/g, "");
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * Checks the `Authorization: AWS4-HMAC-SHA256 ...` header of a request against test credentials, in the
 * order AWS does: presence, form, known key, session token, clock skew, scope, then the signature
 * itself. Returns `undefined` when the request is genuine, else the 403 error AWS would send.
 */
export async function verifySigV4(
  request: Request,
  body: Uint8Array,
  options: VerifyOptions,
): Promise<SignatureFailure | undefined> {
  const authorization = request.headers.get("authorization");
  if (!authorization)
    return { errorType: "MissingAuthenticationTokenException", message: "Missing Authentication Token" };
  const match =
    /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
      authorization.trim(),
    );
  if (!match) {
    return {
      errorType: "IncompleteSignatureException",
      message: `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${authorization.split(" ")[0]}`,
    };
  }
  const [, credential = "", signedHeaderList = "", signature = ""] = match;
  const [accessKeyId, date, region, service, terminator] = credential.split("/");
  const known = options.credentials.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!known) {
    return {
      errorType: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    };
  }
  if (
    known.sessionToken !== undefined &&
    request.headers.get("x-amz-security-token") !== known.sessionToken
  ) {
    return {
      errorType: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    };
  }
  const amzDate = request.headers.get("x-amz-date") ?? "";
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    return {
      errorType: "IncompleteSignatureException",
      message: `Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`,
    };
  }
  const skew = options.maxSkewMs ?? 15 * 60_000;
  if (signedAt < options.now - skew) {
    return {
      errorType: "InvalidSignatureException",
      message: `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(options.now - skew)} (${formatAmzDate(options.now)} - ${skew / 60_000} min.)`,
    };
  }
  if (signedAt > options.now + skew) {
    return {
      errorType: "InvalidSignatureException",
      message: `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(options.now + skew)} (${formatAmzDate(options.now)} + ${skew / 60_000} min.)`,
    };
  }
  if (date !== amzDate.slice(0, 8) || terminator !== "aws4_request") {
    return { errorType: "InvalidSignatureException", message: SIGNATURE_MISMATCH };
  }
  if (region !== options.region) {
    return {
      errorType: "InvalidSignatureException",
      message: `Credential should be scoped to a valid region. ${region ? `Got '${region}'.` : ""}`.trim(),
    };
  }
  if (service !== options.service) {
    return {
      errorType: "InvalidSignatureException",
      message: `Credential should be scoped to correct service: '${options.service}'. `,
    };
  }
  const signedHeaders = signedHeaderList.split(";");
  if (!signedHeaders.includes("host")) {
    return { errorType: "InvalidSignatureException", message: SIGNATURE_MISMATCH };
  }
  const payloadHash = request.headers.get("x-amz-content-sha256") ?? (await sha256Hex(body));
  const canonical = canonicalRequest(
    request.method,
    new URL(request.url),
    request.headers,
    signedHeaders,
    payloadHash,
  );
  const expected = await signatureOf(canonical, amzDate, { date, region, service }, known.secretAccessKey);
  return constantTimeEqual(expected, signature)
    ? undefined
    : { errorType: "InvalidSignatureException", message: SIGNATURE_MISMATCH };
}
