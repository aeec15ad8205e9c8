import { describe, expect, it } from "vitest";
import { ContentBlock } from "../src/content-block.js";
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

  it("does not load SVG or script data URLs as images, nor non-http image URLs", () => {
    const svg = renderStrict(
      <ContentBlock
        block={{
          type: "image",
          source: { type: "base64", media_type: "image/svg+xml" as "image/png", data: "PHN2Zz4=" },
        }}
      />,
    );
    expect(svg.container.querySelector("img")).toBeNull();
    const script = renderStrict(
      <ContentBlock block={{ type: "image", source: { type: "url", url: "javascript:alert(1)" } }} />,
    );
    expect(script.container.querySelector("img")).toBeNull();
  });

  it("does not link web results or citations with unsafe URLs", () => {
    const { container } = renderStrict(
      <ContentBlock
        block={{
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
        }}
      />,
    );
    expect(container.querySelector("a")).toBeNull();
    expect(container).toHaveTextContent("Evil");
  });

  it("shows tool input containing HTML as text", () => {
    const { container } = renderStrict(
      <ContentBlock
        block={{
          type: "tool_use",
          id: "toolu_1",
          name: "x",
          input: { html: "<img src=x onerror=alert(1)>" },
        }}
      />,
    );
    assertInert(container);
    expect(container).toHaveTextContent("<img src=x onerror=alert(1)>");
  });
});
