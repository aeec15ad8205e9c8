import { describe, expect, it } from "vitest";
import { closeUnfinished } from "./close-unfinished.js";

/** Each rule of `closeUnfinished`, with the texts it must turn into the expected ones. */
const rules: Array<[rule: string, cases: Array<[text: string, expected: string]>]> = [
  [
    "closes unfinished strong, emphasis, strikethrough and code",
    [
      ["some **bold", "some **bold**"],
      ["some *em", "some *em*"],
      ["some ~~gone", "some ~~gone~~"],
      ["run `npm te", "run `npm te`"],
      ["**bold and *both", "**bold and *both***"],
    ],
  ],
  ["trims trailing spaces before the closer so the closer counts", [["**bold ", "**bold**"]]],
  [
    "drops a dangling opener at the very end",
    [
      ["Hello **", "Hello "],
      ["Hello `", "Hello "],
    ],
  ],
  [
    "does not close a marker inside a word, which is rarely emphasis",
    [
      ["2*3 is", "2*3 is"],
      ["a**b and", "a**b and"],
      ["x = 2*", "x = 2*"],
      ["(*note", "(*note*"],
    ],
  ],
  [
    "leaves finished text untouched",
    [
      ["**a** and *b* and `c`", "**a** and *b* and `c`"],
      ["- item\n- *second*", "- item\n- *second*"],
    ],
  ],
  [
    "shows the label of a half-written link without its target",
    [
      ["see [the docs](https://exa", "see the docs"],
      ["see [the do", "see the do"],
      ["a ![diagram](https://x.y/d", "a diagram"],
    ],
  ],
  ["does not touch an open code fence", [["```js\nconst a = `x", "```js\nconst a = `x"]]],
  ["closes prose after a closed fence", [["```\ncode\n```\nthen **bo", "```\ncode\n```\nthen **bo**"]]],
];

describe("closeUnfinished", () => {
  it.each(rules)("%s", (_rule, cases) => {
    for (const [text, expected] of cases) expect(closeUnfinished(text), text).toBe(expected);
  });
});
