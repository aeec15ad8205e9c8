/** Header names and body keys whose values are secrets, masked whole. */
const secretNamePattern =
  /^(x-api-key|(proxy-)?authorization|x-amz-security-token|(set-)?cookie|api[-_]?key|auth[-_]?token)$/i;

/** Matches Anthropic API keys and bearer tokens wherever they appear in free text. */
const secretPattern = /(sk-ant-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]*|(Bearer\s+)[^\s"',]+/g;

/** Replaces anything that looks like a key or a bearer token in a string. */
export function redactSecrets(text: string): string {
  return text.replace(
    secretPattern,
    (_match, keyPrefix: string | undefined, bearer: string | undefined) => `${keyPrefix ?? bearer}***`,
  );
}

/** A copy of the headers fit for a log line: secret headers become `***`. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const result: Record<string, string> = {};
  for (const [name, value] of entries) {
    result[name] = secretNamePattern.test(name) ? "***" : redactSecrets(value);
  }
  return result;
}

/** A copy of a JSON-like value with every string redacted and secret-named fields masked. */
export function redactDeep(value: unknown, extraSecrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === "string") {
    let text = redactSecrets(value);
    for (const secret of extraSecrets) if (secret) text = text.split(secret).join("***");
    return text;
  }
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, extraSecrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = secretNamePattern.test(key) ? "***" : redactDeep(item, extraSecrets, depth + 1);
  }
  return copy;
}
