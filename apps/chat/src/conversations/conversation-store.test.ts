import { describe, expect, it } from "vitest";
import { memoryStorage } from "../../test/memory-storage";
import {
  CONVERSATIONS_STORAGE_KEY,
  ConversationStore,
  loadConversationState,
  titleFromMessages,
} from "./conversation-store";

describe("ConversationStore", () => {
  it("keeps conversations across a reload (a new store on the same storage)", () => {
    const storage = memoryStorage();
    const store = new ConversationStore(storage);
    const first = store.create({ model: "claude-haiku-4-5" });
    store.update(first.id, { messages: [{ role: "user", content: "What is 2+2?\nThanks" }] });
    const second = store.create();

    const reloaded = new ConversationStore(storage).getSnapshot();
    expect(reloaded.activeId).toBe(second.id);
    expect(reloaded.conversations.map((conversation) => conversation.title)).toEqual([
      "New conversation",
      "What is 2+2?",
    ]);
    expect(reloaded.conversations[1]?.messages).toEqual([{ role: "user", content: "What is 2+2?\nThanks" }]);
    // A new conversation inherits the options of the one that was active.
    expect(reloaded.conversations[0]?.options.model).toBe("claude-haiku-4-5");
  });

  it("activates the most recent remaining conversation after deleting the active one", () => {
    const store = new ConversationStore(memoryStorage());
    const older = store.create();
    const newer = store.create();
    store.remove(newer.id);
    expect(store.getSnapshot()).toMatchObject({ activeId: older.id, conversations: [{ id: older.id }] });
    store.remove(older.id);
    expect(store.getSnapshot()).toEqual({ activeId: null, conversations: [] });
  });

  it("restores a removed conversation at its place, active again", () => {
    const store = new ConversationStore(memoryStorage());
    const first = store.create();
    const second = store.create();
    const third = store.create();
    store.remove(second.id);
    store.restore(second, 1);
    expect(store.getSnapshot()).toMatchObject({
      activeId: second.id,
      conversations: [{ id: third.id }, { id: second.id }, { id: first.id }],
    });
  });

  it("keeps a title the user chose when messages change; an empty one follows the messages again", () => {
    const store = new ConversationStore(memoryStorage());
    const conversation = store.create();
    store.update(conversation.id, { messages: [{ role: "user", content: "First question" }] });
    store.rename(conversation.id, "  My title ");
    store.update(conversation.id, { messages: [{ role: "user", content: "Other question" }] });
    expect(store.active?.title).toBe("My title");
    store.rename(conversation.id, "");
    expect(store.active?.title).toBe("Other question");
  });

  it("notifies subscribers on every change", () => {
    const store = new ConversationStore(memoryStorage());
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const conversation = store.create();
    store.update(conversation.id, { options: { system: "Be terse" } });
    unsubscribe();
    store.remove(conversation.id);
    expect(calls).toBe(2);
  });
});

describe("loadConversationState", () => {
  it("survives corrupt storage and drops malformed entries", () => {
    expect(loadConversationState(memoryStorage({ [CONVERSATIONS_STORAGE_KEY]: "{not json" }))).toEqual({
      conversations: [],
      activeId: null,
    });
    const stored = JSON.stringify({
      activeId: "gone",
      conversations: [{ id: "a", messages: [], options: { maxTokens: 99 } }, { id: 3 }, "x"],
    });
    const state = loadConversationState(memoryStorage({ [CONVERSATIONS_STORAGE_KEY]: stored }));
    expect(state.activeId).toBe("a");
    expect(state.conversations).toHaveLength(1);
    expect(state.conversations[0]?.options).toMatchObject({ maxTokens: 99, tools: true });
  });
});

describe("titleFromMessages", () => {
  it("uses the first user text without mock directives, shortened", () => {
    expect(
      titleFromMessages([
        { role: "user", content: [{ type: "text", text: "[[mock: words=5]] Tell me a story" }] },
      ]),
    ).toBe("Tell me a story");
    expect(titleFromMessages([{ role: "user", content: "x".repeat(60) }])).toHaveLength(48);
    expect(titleFromMessages([])).toBe("New conversation");
  });

  it("shows the first message's markdown as plain text, skipping a code fence line", () => {
    expect(
      titleFromMessages([{ role: "user", content: "Explain **markdown** with a `code` sample\nMore" }]),
    ).toBe("Explain markdown with a code sample");
    expect(
      titleFromMessages([
        {
          role: "user",
          content: [{ type: "text", text: "[[mock: words=5]]\n# A [linked](https://x.test) *title*" }],
        },
      ]),
    ).toBe("A linked title");
    expect(
      titleFromMessages([
        { role: "user", content: '[[mock: reply="## Heading\n\nText"]] Teach me *Markdown*' },
      ]),
    ).toBe("Teach me Markdown");
    expect(titleFromMessages([{ role: "user", content: "```ts\nconst answer = 42;\n```" }])).toBe(
      "const answer = 42;",
    );
  });
});

describe("conversation titles", () => {
  it("derive plain text from the first message, but keep a renamed title exactly as typed", () => {
    const store = new ConversationStore(memoryStorage());
    const { id } = store.create();
    store.update(id, { messages: [{ role: "user", content: "Explain **markdown** with a `code` sample" }] });
    expect(store.active?.title).toBe("Explain markdown with a code sample");
    store.rename(id, "My **bold** _title_");
    store.update(id, { messages: [{ role: "user", content: "Other *question*" }] });
    expect(store.active?.title).toBe("My **bold** _title_");
  });

  it("derive again on load a title saved with its markdown, unless the user chose it", () => {
    const messages = [{ role: "user", content: "Explain **markdown**" }];
    const stored = JSON.stringify({
      activeId: "a",
      conversations: [
        { id: "a", title: "Explain **markdown**", messages, options: {} },
        { id: "b", title: "Mine **as typed**", renamed: true, messages, options: {} },
      ],
    });
    const state = loadConversationState(memoryStorage({ [CONVERSATIONS_STORAGE_KEY]: stored }));
    expect(state.conversations.map((conversation) => conversation.title)).toEqual([
      "Explain markdown",
      "Mine **as typed**",
    ]);
  });
});
