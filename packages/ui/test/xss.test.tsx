import { describe, expect, it } from "vitest";
import { ContentBlock, type DisplayBlock } from "../src/content-block.js";
import { Markdown } from "../src/markdown.js";
import { renderStrict } from "./render-strict.js";

const corpus = [
  "<script>window.__pwned = true</script>",
  '<img src=x onerror="window.__pwned = true">',
  "<svg onload=alert(1)><circle /></svg>",
  '<iframe src="javascript:alert(1)"></iframe>',
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click]( javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  '<a href="javascript:alert(1)">raw link</a>',
  "<javascript:alert(1)>",
  "![img](javascript:alert(1))",
  "**<img src=x onerror=alert(1)>**",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  '<div style="background:url(javascript:alert(1))">styled</div>',
];

/** Blocks with hostile fields: what each is, the block, and text it must still show (`null`: none). */
const hostileBlocks: Array<[string, DisplayBlock, string | null]> = [
  [
    "an SVG image given as data (not loaded)",
    {
      type: "image",
      source: { type: "base64", media_type: "image/svg+xml" as "image/png", data: "PHN2Zz4=" },
    },
    null,
  ],
  [
    "an image at a javascript: URL (not loaded)",
    { type: "image", source: { type: "url", url: "javascript:alert(1)" } },
    null,
  ],
  [
    "a web search result at a javascript: URL (not linked)",
    {
      type: "web_search_tool_result",
      tool_use_id: "srvtoolu_1",
      content: [
        {
          type: "web_search_result",
          url: "javascript:alert(1)",
          title: "Evil",
          encrypted_content: "x",
          page_age: null,
        },
      ],
    },
    "Evil",
  ],
  [
    "tool input holding HTML (shown as text)",
    { type: "tool_use", id: "toolu_1", name: "x", input: { html: "<img src=x onerror=alert(1)>" } },
    "<img src=x onerror=alert(1)>",
  ],
];

function assertInert(container: HTMLElement) {
  expect(container.querySelector("script, img, svg, iframe, object, embed, style, div[style]")).toBeNull();
  for (const element of container.querySelectorAll("*")) {
    for (const attribute of element.getAttributeNames()) expect(attribute.startsWith("on")).toBe(false);
  }
  for (const link of container.querySelectorAll("a")) {
    expect(link.getAttribute("href")).toMatch(/^(https?:|mailto:)/);
  }
}

describe("untrusted model output renders inert", () => {
  it.each(corpus)("markdown %j", (source) => {
    const { container } = renderStrict(<Markdown text={source} />);
    assertInert(container);
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it.each(corpus)("streaming markdown %j at every prefix", (source) => {
    const { container, rerender } = renderStrict(<Markdown text="" streaming />);
    for (let length = 1; length <= source.length; length += 1) {
      rerender(<Markdown text={source.slice(0, length)} streaming />);
      assertInert(container);
    }
  });

  it("shows raw HTML as visible text", () => {
    const { container } = renderStrict(<Markdown text="<script>alert(1)</script>" />);
    expect(container).toHaveTextContent("<script>alert(1)</script>");
  });

  it.each(hostileBlocks)("renders %s inert", (_, block, shownText) => {
    const { container } = renderStrict(<ContentBlock block={block} />);
    assertInert(container);
    if (shownText !== null) expect(container).toHaveTextContent(shownText);
  });
});
