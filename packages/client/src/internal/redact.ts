/** Header names and body keys whose values are secrets, masked whole. */
const secretNamePattern =
  /^(x-api-key|(proxy-)?authorization|x-amz-security-token|(set-)?cookie|api[-_]?key|auth[-_]?token)$/i;

/** Matches Anthropic API keys and bearer tokens wherever they appear in free text. */
const secretPattern = /(sk-ant-[\w-]{4})[\w-]*|(Bearer\s+)[^\s"',]+/g;

/** Replaces anything that looks like a key or a bearer token in a string. */
export function redactSecrets(text: string): string {
  // Only one of the two groups matched: the other one is replaced with nothing.
  return text.replace(secretPattern, "$1$2***");
}

/** A copy of the headers fit for a log line, as a record: secret headers become `***`. */
export const redactHeaders = redactDeep as (
  headers: Headers | Record<string, string>,
) => Record<string, string>;

/**
 * A copy of a JSON-like value (or of `Headers`, as a record) with every string redacted, the
 * `extraSecrets` masked wherever they appear, and secret-named fields masked whole.
 */
export function redactDeep(value: unknown, extraSecrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === "string") {
    let text = redactSecrets(value);
    for (const secret of extraSecrets) if (secret) text = text.replaceAll(secret, "***");
    return text;
  }
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, extraSecrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of value instanceof Headers ? value : Object.entries(value)) {
    copy[key] = secretNamePattern.test(key) ? "***" : redactDeep(item, extraSecrets, depth + 1);
  }
  return copy;
}
