import { describe, expect, it } from "vitest";
import { AttachmentError, checkAttachment, MAX_IMAGE_BYTES, readAttachment, toBase64 } from "./attachments";

describe("attachments", () => {
  it("accepts the API's image types and PDFs within their size limits", () => {
    expect(checkAttachment({ name: "a.png", type: "image/png", size: 10 })).toBe("image");
    expect(checkAttachment({ name: "a.pdf", type: "application/pdf", size: 10 })).toBe("pdf");
  });

  it("refuses other types, empty files and files over the limit, with a clear message", () => {
    expect(() => checkAttachment({ name: "a.svg", type: "image/svg+xml", size: 10 })).toThrow(
      /a\.svg: only JPEG, PNG, GIF and WebP images and PDF documents.*image\/svg\+xml/,
    );
    expect(() => checkAttachment({ name: "big.jpg", type: "image/jpeg", size: MAX_IMAGE_BYTES + 1 })).toThrow(
      AttachmentError,
    );
    expect(() => checkAttachment({ name: "big.jpg", type: "image/jpeg", size: MAX_IMAGE_BYTES + 1 })).toThrow(
      "big.jpg is 5 MB; an image may be at most 5 MB.",
    );
    expect(() => checkAttachment({ name: "e.pdf", type: "application/pdf", size: 0 })).toThrow(
      "e.pdf is empty.",
    );
  });

  it("reads a file into an image or a titled document block", async () => {
    const png = new File([new Uint8Array([137, 80, 78, 71])], "dot.png", { type: "image/png" });
    expect((await readAttachment(png)).block).toEqual({
      type: "image",
      source: { type: "base64", media_type: "image/png", data: "iVBORw==" },
    });
    const pdf = new File(["%PDF-1.4"], "report.pdf", { type: "application/pdf" });
    expect((await readAttachment(pdf)).block).toMatchObject({ type: "document", title: "report.pdf" });
  });

  it("encodes large inputs in chunks, as btoa would the whole", () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
