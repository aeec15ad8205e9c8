import type { ContentBlockParam } from "@colloquy/client";

/** Image types the Messages API reads. */
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"] as const;
export const PDF_TYPE = "application/pdf";
/** The API's limit for one image (5 MB) and for one PDF (32 MB, the whole request's limit). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_PDF_BYTES = 32 * 1024 * 1024;
/** At most this many files wait in the composer at once. */
export const MAX_ATTACHMENTS = 10;

/** A file read for sending: an `image` or `document` (PDF) content block and what to show for it. */
export interface Attachment {
  id: string;
  name: string;
  kind: "image" | "pdf";
  size: number;
  block: ContentBlockParam;
}

/** Why a file was not attached, for the user. */
export class AttachmentError extends Error {
  override name = "AttachmentError";
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Checks a file's type and size before it is read; returns the kind, or throws an {@link AttachmentError}. */
export function checkAttachment(file: { name: string; type: string; size: number }): "image" | "pdf" {
  const isImage = (IMAGE_TYPES as readonly string[]).includes(file.type);
  const isPdf = file.type === PDF_TYPE;
  if (!isImage && !isPdf) {
    throw new AttachmentError(
      `${file.name}: only JPEG, PNG, GIF and WebP images and PDF documents can be attached${file.type ? ` (this is ${file.type})` : ""}.`,
    );
  }
  const limit = isImage ? MAX_IMAGE_BYTES : MAX_PDF_BYTES;
  if (file.size > limit) {
    throw new AttachmentError(
      `${file.name} is ${megabytes(file.size)}; ${isImage ? "an image" : "a PDF"} may be at most ${megabytes(limit)}.`,
    );
  }
  if (file.size === 0) throw new AttachmentError(`${file.name} is empty.`);
  return isImage ? "image" : "pdf";
}

/** Base64 of some bytes, in chunks (a large file would overflow `String.fromCharCode(...bytes)`). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

let counter = 0;

/** Checks and reads a file into an attachment (an `image` block, or a `document` block titled by the name). */
export async function readAttachment(file: File): Promise<Attachment> {
  const kind = checkAttachment(file);
  const data = toBase64(new Uint8Array(await file.arrayBuffer()));
  counter += 1;
  const block: ContentBlockParam =
    kind === "image"
      ? {
          type: "image",
          source: { type: "base64", media_type: file.type as (typeof IMAGE_TYPES)[number], data },
        }
      : { type: "document", source: { type: "base64", media_type: PDF_TYPE, data }, title: file.name };
  return { id: `attachment-${counter}`, name: file.name, kind, size: file.size, block };
}
