import type { ImageBlockParam } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { BlockFrame } from "./internal/block-frame.js";
import { imageDataUrl, safeHttpUrl } from "./internal/safe-url.js";

export interface ImageBlockProps extends Omit<ComponentPropsWithoutRef<"figure">, "children"> {
  block: ImageBlockParam;
  /**
   * Alternative text for the image.
   * @default "Attached image"
   */
  alt?: string;
}

/** An `image` block (base64 or URL source). Sources that are not raster images or http(s) URLs are not loaded. */
export const ImageBlock = forwardRef<HTMLElement, ImageBlockProps>(function ImageBlock(
  { block, alt = "Attached image", ...props },
  ref,
) {
  const source = block.source as {
    type: string;
    media_type?: string;
    data?: string;
    url?: string;
    file_id?: string;
  };
  let src: string | null = null;
  let caption: string | null = null;
  if (source.type === "base64" && source.media_type && source.data !== undefined) {
    src = imageDataUrl(source.media_type, source.data);
    caption = source.media_type;
  } else if (source.type === "url" && source.url) {
    src = safeHttpUrl(source.url);
    caption = source.url;
  } else if (source.type === "file") {
    caption = `File ${source.file_id ?? ""}`.trim();
  }
  return (
    <BlockFrame as="figure" ref={ref} type="image" state={src ? "loaded" : "unavailable"} {...props}>
      {src ? (
        <img src={src} alt={alt} loading="lazy" />
      ) : (
        <div className="cq-image-placeholder">Image not shown</div>
      )}
      {caption ? <figcaption className="cq-muted">{caption}</figcaption> : null}
    </BlockFrame>
  );
});
