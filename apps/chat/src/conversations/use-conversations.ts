import type { ChatMessage } from "@colloquy/react";
import { useSyncExternalStore } from "react";
import { browserStorage } from "../shell/browser-storage";
import { ConversationStore } from "./conversation-store";

let store: ConversationStore<ChatMessage> | undefined;

/** The app's one conversation store (localStorage), with at least one conversation in it. */
export function getConversationStore(): ConversationStore<ChatMessage> {
  if (!store) {
    store = new ConversationStore<ChatMessage>(browserStorage("localStorage"));
    if (store.getSnapshot().conversations.length === 0) store.create();
  }
  return store;
}

export function useConversations() {
  const conversations = getConversationStore();
  const state = useSyncExternalStore(
    conversations.subscribe,
    conversations.getSnapshot,
    conversations.getSnapshot,
  );
  return { store: conversations, ...state };
}
