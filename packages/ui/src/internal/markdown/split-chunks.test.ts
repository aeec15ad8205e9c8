import { describe, expect, it } from "vitest";
import { ChunkSplitter, splitChunks } from "./split-chunks.js";

describe("splitChunks", () => {
  it("splits at blank lines", () => {
    expect(splitChunks("a\nb\n\nc\n\n\nd").map((chunk) => chunk.source)).toEqual(["a\nb\n", "c\n", "d"]);
  });

  it("keeps blank lines inside a code fence in one chunk", () => {
    const text = "intro\n\n```py\nx = 1\n\ny = 2\n```\n\nafter";
    expect(splitChunks(text).map((chunk) => chunk.source)).toEqual([
      "intro\n",
      "```py\nx = 1\n\ny = 2\n```\n",
      "after",
    ]);
  });

  it("keeps a loose list, and what is indented under its items, in one chunk", () => {
    const text = "1. one\n\n2. two\n\n   more of two\n\n       ```sh\n       npm i\n\n       ```\n\nafter";
    expect(splitChunks(text).map((chunk) => chunk.source)).toEqual([
      "1. one\n\n2. two\n\n   more of two\n\n       ```sh\n       npm i\n\n       ```\n",
      "after",
    ]);
    expect(splitChunks("para\n\n- a").map((chunk) => chunk.source)).toEqual(["para\n", "- a"]);
  });

  it("records each chunk's offset in the whole text", () => {
    const text = "one\n\ntwo";
    for (const chunk of splitChunks(text))
      expect(text.slice(chunk.start, chunk.start + chunk.source.length)).toBe(chunk.source);
  });
});

describe("ChunkSplitter", () => {
  it("keeps settled chunks (same objects) as the text grows and only re-splits the tail", () => {
    const splitter = new ChunkSplitter();
    const first = splitter.update("para one\n\npara tw");
    const second = splitter.update("para one\n\npara two\n\npara three");
    expect(second[0]).toBe(first[0]);
    expect(second.map((chunk) => chunk.source)).toEqual(["para one\n", "para two\n", "para three"]);
  });

  it.each([
    [
      "fences and a tight list",
      "# Title\n\nSome **bold** text.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n- a\n- b\n\nEnd.",
    ],
    ["loose lists", "Intro\n\n- a\n\n- b\n\n  b more\n\n1. c\n\n   ```\n   x\n\n   ```\n2. d\n\nEnd"],
  ])("matches a fresh split at every prefix of a text with %s", (_, text) => {
    const splitter = new ChunkSplitter();
    for (let length = 0; length <= text.length; length += 1) {
      const prefix = text.slice(0, length);
      expect(splitter.update(prefix).map((chunk) => chunk.source)).toEqual(
        splitChunks(prefix).map((chunk) => chunk.source),
      );
    }
  });

  it("joins the last two chunks again when the next line turns out to be a list item", () => {
    const splitter = new ChunkSplitter();
    expect(splitter.update("1. a\n\n2").map((chunk) => chunk.source)).toEqual(["1. a\n", "2"]);
    expect(splitter.update("1. a\n\n2. b").map((chunk) => chunk.source)).toEqual(["1. a\n\n2. b"]);
  });

  it("starts over when the text is replaced rather than extended", () => {
    const splitter = new ChunkSplitter();
    splitter.update("first\n\nsecond");
    expect(splitter.update("other").map((chunk) => chunk.source)).toEqual(["other"]);
  });
});
