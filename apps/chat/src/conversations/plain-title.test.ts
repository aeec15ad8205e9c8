import { describe, expect, it } from "vitest";
import { plainTitleText } from "./plain-title";

describe("plainTitleText", () => {
  it("drops emphasis, strikethrough and code ticks but keeps what they mark", () => {
    expect(plainTitleText("Explain **markdown** with a `code` sample")).toBe(
      "Explain markdown with a code sample",
    );
    expect(plainTitleText("*one* __two__ _three_ ~~four~~ ***five***")).toBe("one two three four five");
    expect(plainTitleText("Run ``a `tick` inside`` now")).toBe("Run a `tick` inside now");
  });

  it("keeps a link's or an image's text and an autolink's address", () => {
    expect(plainTitleText("Read [the docs](https://example.com/docs) first")).toBe("Read the docs first");
    expect(plainTitleText("Describe ![a cat](cat.png) please")).toBe("Describe a cat please");
    expect(plainTitleText("See [this][ref] and <https://example.com>")).toBe(
      "See this and https://example.com",
    );
  });

  it("removes a heading's #, a quote's > and a list bullet", () => {
    expect(plainTitleText("## Plan for *today* ##")).toBe("Plan for today");
    expect(plainTitleText("> quoted **words**")).toBe("quoted words");
    expect(plainTitleText("- first item")).toBe("first item");
  });

  it("drops mock directives", () => {
    expect(plainTitleText('[[mock: reply="Hi"]] Hello **there**')).toBe("Hello there");
  });

  it("leaves text that only looks like markers alone", () => {
    expect(plainTitleText("What is 2 * 3 * 4?")).toBe("What is 2 * 3 * 4?");
    expect(plainTitleText("Rename my_var_name in the file")).toBe("Rename my_var_name in the file");
    expect(plainTitleText("Is #hashtag a heading?")).toBe("Is #hashtag a heading?");
    expect(plainTitleText("Keep `**not bold**` inside code")).toBe("Keep **not bold** inside code");
    expect(plainTitleText("An escaped \\*star\\* stays")).toBe("An escaped *star* stays");
  });
});
