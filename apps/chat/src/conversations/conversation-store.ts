import { plainTitleText } from "./plain-title";

/** Per-conversation request options, edited in the chat's side panel. */
export interface ChatOptions {
  model: string;
  /** @default "" */
  system: string;
  /** @default 1024 */
  maxTokens: number;
  /** Extended thinking on or off. @default false */
  thinking: boolean;
  /** Thinking budget in tokens (≥ 1024 and below `maxTokens`). @default 2048 */
  thinkingBudget: number;
  /** Offer the demo tools (calculator, clock). @default true */
  tools: boolean;
  /** Ask for prompt caching (a top-level `cache_control` breakpoint). @default true */
  promptCaching: boolean;
}

/** A conversation as kept in localStorage. `messages` is whatever the chat hook holds (JSON data). */
export interface StoredConversation<Message = unknown> {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: Message[];
  options: ChatOptions;
  /** The title was set by the user: it no longer follows the first message. */
  renamed?: boolean;
  /** Earlier versions of the conversation from an edited user message on, by that message's index. */
  branches?: Record<string, MessageBranches<Message>>;
}

/** The versions of a conversation from one user message on: each edit of that message adds one. */
export interface MessageBranches<Message = unknown> {
  /** Each version: its messages from the edited one on, and the branches recorded inside it. */
  versions: { messages: Message[]; branches: Record<string, MessageBranches<Message>> }[];
  /** The version shown now (its stored `messages` may be stale: the chat holds the live ones). */
  current: number;
}

export interface ConversationState<Message = unknown> {
  conversations: StoredConversation<Message>[];
  activeId: string | null;
}

export const CONVERSATIONS_STORAGE_KEY = "colloquy.conversations.v1";
export const DEFAULT_MODEL = "claude-sonnet-4-6";
export const DEFAULT_CHAT_OPTIONS: ChatOptions = {
  model: DEFAULT_MODEL,
  system: "",
  maxTokens: 1024,
  thinking: false,
  thinkingBudget: 2048,
  tools: true,
  promptCaching: true,
};

const UNTITLED = "New conversation";

type Storage_ = Pick<Storage, "getItem" | "setItem">;

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Code fence lines (```ts, ~~~) say nothing a title could use. */
const FENCE = /^\s*(?:```|~~~)/;
/** A mock API directive, `[[mock: …]]`, on one line or several. */
const MOCK_DIRECTIVE = /\[\[mock:[^\]]*\]\]/g;

/**
 * A title from the first user message: its first line with text, as plain text (markdown markers and mock
 * directives removed, see {@link plainTitleText}), cut to 48 characters.
 */
export function titleFromMessages(messages: readonly unknown[]): string {
  for (const message of messages) {
    if (typeof message !== "object" || message === null) continue;
    const { role, content } = message as { role?: unknown; content?: unknown };
    if (role !== "user") continue;
    let text = "";
    if (typeof content === "string") text = content;
    else if (Array.isArray(content)) {
      const block = content.find(
        (part): part is { type: "text"; text: string } =>
          typeof part === "object" && part !== null && part.type === "text" && typeof part.text === "string",
      );
      text = block?.text ?? "";
    }
    // A directive may span lines (a scripted reply), so directives go before the text is split.
    for (const line of text.replace(MOCK_DIRECTIVE, "").split("\n")) {
      if (FENCE.test(line)) continue;
      const plain = plainTitleText(line);
      if (plain) return plain.length > 48 ? `${plain.slice(0, 47)}…` : plain;
    }
  }
  return UNTITLED;
}

function isConversation(value: unknown): value is StoredConversation {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === "string" && Array.isArray(record.messages) && typeof record.options === "object"
  );
}

/** Reads the saved conversations; unreadable data yields an empty list rather than a broken app. */
export function loadConversationState<Message>(storage: Storage_ | undefined): ConversationState<Message> {
  try {
    const parsed = JSON.parse(storage?.getItem(CONVERSATIONS_STORAGE_KEY) ?? "null") as unknown;
    if (typeof parsed === "object" && parsed !== null) {
      const record = parsed as { conversations?: unknown; activeId?: unknown };
      const conversations = (Array.isArray(record.conversations) ? record.conversations : [])
        .filter(isConversation)
        .map((conversation) => ({
          ...conversation,
          // A title the user chose stays; one from the first message is derived again (older versions
          // kept its markdown).
          title:
            conversation.renamed === true && typeof conversation.title === "string"
              ? conversation.title
              : titleFromMessages(conversation.messages),
          options: { ...DEFAULT_CHAT_OPTIONS, ...conversation.options },
        })) as StoredConversation<Message>[];
      const activeId =
        typeof record.activeId === "string" && conversations.some((c) => c.id === record.activeId)
          ? record.activeId
          : (conversations[0]?.id ?? null);
      return { conversations, activeId };
    }
  } catch {
    // Fall through to an empty state.
  }
  return { conversations: [], activeId: null };
}

/**
 * The conversation list with localStorage persistence, framework-free (the React hook subscribes to it).
 * Every change is saved at once; callers avoid calling `update` on every streamed token.
 */
export class ConversationStore<Message = unknown> {
  #state: ConversationState<Message>;
  #listeners = new Set<() => void>();
  readonly #storage: Storage_ | undefined;
  readonly #now: () => number;

  constructor(storage: Storage_ | undefined, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
    this.#state = loadConversationState<Message>(storage);
  }

  getSnapshot = (): ConversationState<Message> => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  get active(): StoredConversation<Message> | undefined {
    return this.#state.conversations.find((conversation) => conversation.id === this.#state.activeId);
  }

  /** Starts a conversation (options copied from the active one) and makes it active. */
  create(options?: Partial<ChatOptions>): StoredConversation<Message> {
    const time = this.#now();
    const conversation: StoredConversation<Message> = {
      id: newId(),
      title: UNTITLED,
      createdAt: time,
      updatedAt: time,
      messages: [],
      options: { ...DEFAULT_CHAT_OPTIONS, ...this.active?.options, ...options },
    };
    this.#set({ conversations: [conversation, ...this.#state.conversations], activeId: conversation.id });
    return conversation;
  }

  select(id: string): void {
    if (this.#state.conversations.some((conversation) => conversation.id === id)) {
      this.#set({ ...this.#state, activeId: id });
    }
  }

  /** Removes a conversation; the next most recent one becomes active. */
  remove(id: string): void {
    const conversations = this.#state.conversations.filter((conversation) => conversation.id !== id);
    const activeId = this.#state.activeId === id ? (conversations[0]?.id ?? null) : this.#state.activeId;
    this.#set({ conversations, activeId });
  }

  /** Sets a conversation's title; an empty title goes back to the one from its first message. */
  rename(id: string, title: string): void {
    const trimmed = title.trim();
    const conversations = this.#state.conversations.map((conversation) =>
      conversation.id !== id
        ? conversation
        : trimmed === ""
          ? { ...conversation, title: titleFromMessages(conversation.messages), renamed: false }
          : { ...conversation, title: trimmed.slice(0, 120), renamed: true },
    );
    this.#set({ ...this.#state, conversations });
  }

  /** Puts a removed conversation back at its place in the list (undo of `remove`) and makes it active. */
  restore(conversation: StoredConversation<Message>, index: number): void {
    const others = this.#state.conversations.filter((entry) => entry.id !== conversation.id);
    const position = Math.min(Math.max(index, 0), others.length);
    const conversations = [...others.slice(0, position), conversation, ...others.slice(position)];
    this.#set({ conversations, activeId: conversation.id });
  }

  /** Saves new messages and/or options of a conversation; the title follows the first user message. */
  update(
    id: string,
    change: {
      messages?: Message[];
      options?: Partial<ChatOptions>;
      branches?: Record<string, MessageBranches<Message>>;
    },
  ): void {
    let changed = false;
    const conversations = this.#state.conversations.map((conversation) => {
      if (conversation.id !== id) return conversation;
      changed = true;
      const messages = change.messages ?? conversation.messages;
      return {
        ...conversation,
        messages,
        title: conversation.renamed ? conversation.title : titleFromMessages(messages),
        options: { ...conversation.options, ...change.options },
        branches: change.branches ?? conversation.branches,
        updatedAt: change.messages ? this.#now() : conversation.updatedAt,
      };
    });
    if (changed) this.#set({ ...this.#state, conversations });
  }

  #set(state: ConversationState<Message>): void {
    this.#state = state;
    try {
      this.#storage?.setItem(CONVERSATIONS_STORAGE_KEY, JSON.stringify(state));
    } catch {
      // Quota exceeded or storage disabled: keep working in memory.
    }
    for (const listener of this.#listeners) listener();
  }
}
