import type { RequestBlock } from "./types.js";

/** How an image that is not inline base64 is described: it is never fetched, so its format is unknown. */
const IMAGE_SOURCE_LABELS: Record<string, string> = { url: "from a URL", file: "from the Files API" };

const IMAGE_FORMATS: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/gif": "GIF",
  "image/webp": "WebP",
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * What the last user message attaches, as a reply acknowledges it: "1 image (PNG)", "2 images (PNG,
 * JPEG) and 1 PDF document", or "" without attachments.
 */
export function describeAttachments(blocks: readonly RequestBlock[]): string {
  const imageFormats: string[] = [];
  const documentKinds: string[] = [];
  for (const block of blocks) {
    const source = block.source as { type?: string; media_type?: string } | undefined;
    if (block.type === "image") {
      const format = source?.type === "base64" ? IMAGE_FORMATS[String(source.media_type)] : undefined;
      imageFormats.push(format ?? IMAGE_SOURCE_LABELS[String(source?.type)] ?? "unknown format");
    } else if (block.type === "document") {
      const isPdf = source?.type === "base64" || source?.type === "url";
      documentKinds.push(isPdf ? "PDF" : "other");
    }
  }
  const parts: string[] = [];
  if (imageFormats.length > 0) {
    parts.push(`${plural(imageFormats.length, "image")} (${[...new Set(imageFormats)].join(", ")})`);
  }
  if (documentKinds.length > 0) {
    const allPdf = documentKinds.every((kind) => kind === "PDF");
    parts.push(plural(documentKinds.length, allPdf ? "PDF document" : "document"));
  }
  return parts.join(" and ");
}
