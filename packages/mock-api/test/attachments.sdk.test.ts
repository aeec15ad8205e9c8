// Images and PDFs: validated like the real API (media type, base64, size, declared format) and
// acknowledged in the reply.
import type Anthropic from "@anthropic-ai/sdk";
import { BadRequestError } from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES } from "../src/message-validation.js";
import { MODEL, startForFile } from "./helpers.js";

const { client } = await startForFile();

const base64 = (bytes: number[], padTo = 0) => {
  const all = Uint8Array.from([...bytes, ...new Array(Math.max(0, padTo - bytes.length)).fill(0)]);
  return Buffer.from(all).toString("base64");
};
const PNG = base64([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 64);
const JPEG = base64([0xff, 0xd8, 0xff, 0xe0], 64);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF").toString("base64");

type Block = Anthropic.ContentBlockParam;

function image(data: string, media_type: "image/png" | "image/jpeg" | "image/gif" | "image/webp"): Block {
  return { type: "image", source: { type: "base64", media_type, data } };
}

async function reply(blocks: Block[]): Promise<string> {
  const message = await client.messages.create({
    model: MODEL,
    max_tokens: 256,
    messages: [{ role: "user", content: [...blocks, { type: "text", text: "What do you see?" }] }],
  });
  return (message.content[0] as { text: string }).text;
}

async function rejection(blocks: Block[]): Promise<BadRequestError> {
  const error = await reply(blocks).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BadRequestError);
  return error as BadRequestError;
}

describe("image and document blocks", () => {
  it("acknowledges base64 images and a PDF in the reply", async () => {
    const text = await reply([
      image(PNG, "image/png"),
      { type: "document", source: { type: "base64", media_type: "application/pdf", data: PDF } },
    ]);
    expect(text).toMatch(
      /^This is a mock reply to “What do you see\?”\. I see 1 image \(PNG\) and 1 PDF document\./,
    );
    expect(await reply([image(PNG, "image/png"), image(JPEG, "image/jpeg")])).toContain(
      "I see 2 images (PNG, JPEG).",
    );
  });

  it("accepts URL sources for images and PDFs without fetching them", async () => {
    const text = await reply([
      { type: "image", source: { type: "url", url: "https://example.com/cat.png" } },
      { type: "document", source: { type: "url", url: "https://example.com/paper.pdf" } },
    ]);
    expect(text).toContain("I see 1 image (from a URL) and 1 PDF document.");
    const error = await rejection([{ type: "image", source: { type: "url", url: "file:///etc/passwd" } }]);
    expect(error.message).toContain(
      "messages.0.content.0.source.url: Input should be a valid http or https URL",
    );
  });

  it("rejects a media type the API does not take", async () => {
    const error = await rejection([image(PNG, "image/svg+xml" as "image/png")]);
    expect(error.message).toContain("messages.0.content.0.source.media_type: Input should be 'image/jpeg'");
  });

  it("rejects data that is not base64", async () => {
    const error = await rejection([image("not base64!", "image/png")]);
    expect(error.message).toContain("messages.0.content.0.source.data: Input should be valid base64 data");
  });

  it("rejects data whose format is not the declared media type", async () => {
    const mislabelled = await rejection([image(JPEG, "image/png")]);
    expect(mislabelled.message).toContain(
      "messages.0.content.0.source: Image does not match the provided media type image/png (the data looks like image/jpeg)",
    );
    const notPdf = await rejection([
      { type: "document", source: { type: "base64", media_type: "application/pdf", data: PNG } },
    ]);
    expect(notPdf.message).toContain("Document does not match the provided media type application/pdf");
  });

  it("rejects an image over 5 MB", async () => {
    const tooBig = base64([0x89, 0x50, 0x4e, 0x47], MAX_IMAGE_BYTES + 3);
    const error = await rejection([image(tooBig, "image/png")]);
    expect(error.message).toContain(
      `messages.0.content.0.source.base64: image exceeds 5 MB maximum: ${MAX_IMAGE_BYTES + 3} bytes > ${MAX_IMAGE_BYTES} bytes`,
    );
    expect(await reply([image(base64([0x89, 0x50, 0x4e, 0x47], MAX_IMAGE_BYTES), "image/png")])).toContain(
      "I see 1 image (PNG).",
    );
  });
});
