import type { ChatOptions } from "../conversations/conversation-store";

/** A clickable suggestion on an empty conversation, each showing one part of the toolkit. */
export interface StarterPrompt {
  label: string;
  /** What is sent; on the mock API, `mockText` (with a directive that makes the mock do it). */
  text: string;
  mockText: string;
  /** Options the conversation needs for it (thinking on, tools on). */
  options?: Partial<ChatOptions>;
}

const MARKDOWN_REPLY = [
  "## Markdown in one minute",
  "",
  "Use **bold**, *italics* and `inline code`.",
  "",
  "1. A numbered list",
  "2. With a second item",
  "",
  "| Syntax | Shows |",
  "| --- | --- |",
  "| `**b**` | **b** |",
  "",
  "```ts",
  "const greeting: string = 'hello';",
  "```",
].join("\n");

export const STARTER_PROMPTS: readonly StarterPrompt[] = [
  {
    label: "Use a tool: the calculator",
    text: "What is 12 * (3 + 4)? Use the calculator.",
    mockText: "[[mock: tool=calculator]] What is 12 * (3 + 4)?",
    options: { tools: true },
  },
  {
    label: "Think before answering",
    text: "Is 221 a prime number? Think it through.",
    mockText: "[[mock: thinking]] Is 221 a prime number?",
    options: { thinking: true },
  },
  {
    label: "A long markdown answer",
    text: "Teach me Markdown with a heading, a list, a table and a code block.",
    mockText: `[[mock: reply="${MARKDOWN_REPLY}"]] Teach me Markdown`,
  },
  {
    label: "What time is it in Tokyo?",
    text: "What time is it in Tokyo? Use the get_time tool.",
    mockText: "[[mock: tool=get_time]] What time is it in Tokyo?",
    options: { tools: true },
  },
];
