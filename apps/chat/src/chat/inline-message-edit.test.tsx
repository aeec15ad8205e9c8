import Anthropic, { type ContentBlockParam } from "@colloquy/client";
import { createMockApi } from "@colloquy/mock-api";
import { AnthropicProvider, type ChatMessage } from "@colloquy/react";
import { QueryClient } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useSyncExternalStore } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { memoryStorage } from "../../test/memory-storage";
import { ConversationStore } from "../conversations/conversation-store";
import { ConversationChat } from "./conversation-chat";
import { editableMessages, editedContent } from "./editable-messages";

afterEach(cleanup);

const image: ContentBlockParam = {
  type: "image",
  source: { type: "base64", media_type: "image/png", data: "iVBORw==" },
};
const pdf: ContentBlockParam = {
  type: "document",
  source: { type: "base64", media_type: "application/pdf", data: "JVBERi0xLjQ=" },
  title: "report.pdf",
};
const question: ChatMessage = {
  id: "question",
  role: "user",
  content: [image, pdf, { type: "text", text: "What do these show?" }],
};

describe("editableMessages and editedContent", () => {
  it("list a user turn's files beside its text, and put them back before the new text", () => {
    const [entry] = editableMessages([question]);
    expect(entry).toEqual({ index: 0, text: "What do these show?", attachments: [image, pdf] });
    expect(editedContent([image, pdf], "New text")).toEqual([image, pdf, { type: "text", text: "New text" }]);
    expect(editedContent([], "New text")).toBe("New text");
  });

  it("do not offer tool results sent back automatically", () => {
    const toolResult: ChatMessage = {
      id: "result",
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "42" }],
    };
    expect(editableMessages([toolResult])).toEqual([]);
  });
});

/** The chat of one stored conversation, its client answering from the in-process mock API. */
function renderConversation() {
  const mockApi = createMockApi({ streamDelayMs: 0 });
  const sent: { messages: { role: string; content: ContentBlockParam[] }[] }[] = [];
  const client = new Anthropic({
    apiKey: "mock",
    baseURL: "https://mock.colloquy.invalid",
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    fetch: async (input, init) => {
      // jsdom's AbortSignal is not one Node's Request accepts; leave it out.
      const { signal: _signal, ...rest } = init ?? {};
      const request = new Request(input, rest);
      if (request.method === "POST" && new URL(request.url).pathname === "/v1/messages") {
        sent.push(await request.clone().json());
      }
      return mockApi.handle(request);
    },
  });
  const store = new ConversationStore<ChatMessage>(memoryStorage());
  const { id } = store.create();
  store.update(id, { messages: [question] });
  function Page() {
    const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
    const conversation = state.conversations.find((entry) => entry.id === id);
    return conversation ? <ConversationChat conversation={conversation} store={store} mock /> : null;
  }
  render(
    <AnthropicProvider client={client} queryClient={new QueryClient()}>
      <Page />
    </AnthropicProvider>,
  );
  return { sent, store, id };
}

async function editFirstMessage(text: string) {
  await userEvent.click(screen.getByRole("button", { name: "Edit message 1" }));
  const form = screen.getByRole("form", { name: "Edit message" });
  const field = within(form).getByRole("textbox", { name: "Edited message" });
  await userEvent.clear(field);
  await userEvent.type(field, text);
  return form;
}

describe("editing a message with attachments", () => {
  it("resends the same image and document blocks with the new text, and shows them while editing", async () => {
    const { sent, store, id } = renderConversation();
    const form = await editFirstMessage("And now?");
    const files = within(form).getByRole("list", { name: "Files sent with this message" });
    const names = within(files)
      .getAllByRole("listitem")
      .map((item) => item.querySelector(".attachments-name")?.textContent);
    expect(names).toEqual(["Image 1", "report.pdf"]);
    within(files).getByRole("button", { name: "Remove report.pdf" });
    expect(within(files).getByRole("presentation").getAttribute("src")).toBe(
      "data:image/png;base64,iVBORw==",
    );
    await userEvent.click(within(form).getByRole("button", { name: "Save and resend" }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.messages).toEqual([
      { role: "user", content: [image, pdf, { type: "text", text: "And now?" }] },
    ]);
    await waitFor(() => expect(store.getSnapshot().conversations[0]?.messages).toHaveLength(2));
    const saved = store.getSnapshot().conversations.find((entry) => entry.id === id);
    expect(saved?.messages[0]?.content).toEqual([image, pdf, { type: "text", text: "And now?" }]);
    // The version before the edit is kept as a branch, files included.
    expect(saved?.branches?.[0]?.versions[0]?.messages[0]).toEqual(question);
  });

  it("leaves out a file removed while editing", async () => {
    const { sent } = renderConversation();
    const form = await editFirstMessage("Only the report");
    await userEvent.click(within(form).getByRole("button", { name: "Remove Image 1" }));
    expect(within(form).queryByText("Image 1")).toBeNull();
    await userEvent.click(within(form).getByRole("button", { name: "Save and resend" }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.messages.at(-1)?.content).toEqual([pdf, { type: "text", text: "Only the report" }]);
  });
});
