const linkProtocols = new Set(["http:", "https:", "mailto:"]);
const imageMediaTypes = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

/**
 * Returns the URL when it is an absolute http(s) or mailto URL, otherwise `null`; model output may
 * contain `javascript:` or `data:` links that must never become clickable.
 */
export function safeLinkUrl(raw: string): string | null {
  const trimmed = raw.trim();
  // Control characters and whitespace inside a scheme are a classic filter bypass.
  for (const char of trimmed) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return null;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return linkProtocols.has(url.protocol) ? url.href : null;
}

/** Returns the URL when it is an absolute http(s) URL, for `<img src>` and `<a href>` of sources. */
export function safeHttpUrl(raw: string): string | null {
  const safe = safeLinkUrl(raw);
  return safe !== null && !safe.startsWith("mailto:") ? safe : null;
}

/** Builds a `data:` URL for a base64 image of a known raster type, or `null` for anything else (e.g. SVG). */
export function imageDataUrl(mediaType: string, base64: string): string | null {
  if (!imageMediaTypes.has(mediaType)) return null;
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) return null;
  return `data:${mediaType};base64,${base64.replace(/\s+/g, "")}`;
}
