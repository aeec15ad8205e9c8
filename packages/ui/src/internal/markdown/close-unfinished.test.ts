import { describe, expect, it } from "vitest";
import { closeUnfinished } from "./close-unfinished.js";

describe("closeUnfinished", () => {
  it("closes unfinished strong, emphasis, strikethrough and code", () => {
    expect(closeUnfinished("some **bold")).toBe("some **bold**");
    expect(closeUnfinished("some *em")).toBe("some *em*");
    expect(closeUnfinished("some ~~gone")).toBe("some ~~gone~~");
    expect(closeUnfinished("run `npm te")).toBe("run `npm te`");
    expect(closeUnfinished("**bold and *both")).toBe("**bold and *both***");
  });

  it("trims trailing spaces before the closer so the closer counts", () => {
    expect(closeUnfinished("**bold ")).toBe("**bold**");
  });

  it("drops a dangling opener at the very end", () => {
    expect(closeUnfinished("Hello **")).toBe("Hello ");
    expect(closeUnfinished("Hello `")).toBe("Hello ");
  });

  it("does not close a marker inside a word, which is rarely emphasis", () => {
    expect(closeUnfinished("2*3 is")).toBe("2*3 is");
    expect(closeUnfinished("a**b and")).toBe("a**b and");
    expect(closeUnfinished("x = 2*")).toBe("x = 2*");
    expect(closeUnfinished("(*note")).toBe("(*note*");
  });

  it("leaves finished text untouched", () => {
    expect(closeUnfinished("**a** and *b* and `c`")).toBe("**a** and *b* and `c`");
    expect(closeUnfinished("- item\n- *second*")).toBe("- item\n- *second*");
  });

  it("shows the label of a half-written link without its target", () => {
    expect(closeUnfinished("see [the docs](https://exa")).toBe("see the docs");
    expect(closeUnfinished("see [the do")).toBe("see the do");
    expect(closeUnfinished("a ![diagram](https://x.y/d")).toBe("a diagram");
  });

  it("does not touch an open code fence", () => {
    const source = "```js\nconst a = `x";
    expect(closeUnfinished(source)).toBe(source);
  });

  it("closes prose after a closed fence", () => {
    expect(closeUnfinished("```\ncode\n```\nthen **bo")).toBe("```\ncode\n```\nthen **bo**");
  });
});
