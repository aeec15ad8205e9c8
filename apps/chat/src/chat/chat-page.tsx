import type { ChatMessage } from "@colloquy/react";
import { useEffect, useRef, useState } from "react";
import type { StoredConversation } from "../conversations/conversation-store";
import { useConversations } from "../conversations/use-conversations";
import { ConversationChat } from "./conversation-chat";
import { ConversationList } from "./conversation-list";

/** Which side panel is open as a drawer on a narrow screen (below 900 px both sit beside the thread). */
export type ChatDrawer = "conversations" | "settings" | null;

/**
 * The chat page: saved conversations on the left, the active one in the middle, its options on the right.
 * Below 900 px the two side panels become drawers opened from the page's header bar.
 */
export function ChatPage({ needsKey = false, mock = false }: { needsKey?: boolean; mock?: boolean }) {
  const { store, conversations, activeId } = useConversations();
  const active = conversations.find((conversation) => conversation.id === activeId);
  const [drawer, setDrawer] = useState<ChatDrawer>(null);
  // The button that opened the drawer: it gets the focus back when the drawer closes.
  const opener = useRef<HTMLElement | null>(null);
  // Asks the message box for the focus (after New conversation); a new number each time.
  const [focusRequest, setFocusRequest] = useState(0);
  // The last deleted conversation and where it was, until it is restored or another action replaces it.
  const [deleted, setDeleted] = useState<{
    conversation: StoredConversation<ChatMessage>;
    index: number;
  } | null>(null);

  // Shortcuts (listed in Help): Ctrl/⌘+Shift+O starts a conversation, Shift+Escape focuses the message box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "o") {
        event.preventDefault();
        startNewRef.current();
      } else if (event.shiftKey && event.key === "Escape") {
        event.preventDefault();
        setFocusRequest((count) => count + 1);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const startNew = () => {
    // An untouched "New conversation" is reused rather than piling up.
    const empty = store
      .getSnapshot()
      .conversations.find((conversation) => conversation.messages.length === 0);
    if (empty) store.select(empty.id);
    else store.create();
    // The focus goes to the message box, not back to the button that opened the drawer.
    opener.current = null;
    setDrawer(null);
    setFocusRequest((count) => count + 1);
  };
  const startNewRef = useRef(startNew);
  useEffect(() => {
    startNewRef.current = startNew;
  });
  const closeDrawer = () => setDrawer(null);

  // An opened drawer takes the focus; closing it gives the focus back to the button that opened it.
  useEffect(() => {
    if (drawer === null) {
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
      return;
    }
    const panel = document.getElementById(drawer === "conversations" ? "conversation-list" : "chat-options");
    panel?.querySelector<HTMLElement>(".drawer-close")?.focus();
  }, [drawer]);
  const toggle = (which: Exclude<ChatDrawer, null>, button: HTMLElement) => {
    opener.current = button;
    setDrawer(drawer === which ? null : which);
  };

  // Escape closes an open drawer (before anything else handles it).
  useEffect(() => {
    if (drawer === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setDrawer(null);
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [drawer]);

  return (
    <div className="chat-page" data-drawer={drawer ?? "none"}>
      <div className="chat-page-bar">
        <button
          type="button"
          className="chat-drawer-button"
          aria-expanded={drawer === "conversations"}
          aria-controls="conversation-list"
          onClick={(event) => toggle("conversations", event.currentTarget)}
        >
          Conversations
        </button>
        <h1 className="chat-page-title">{active?.title ?? "Chat"}</h1>
        <button
          type="button"
          className="chat-drawer-button"
          aria-expanded={drawer === "settings"}
          aria-controls="chat-options"
          aria-label="Conversation settings"
          onClick={(event) => toggle("settings", event.currentTarget)}
        >
          Settings
        </button>
      </div>
      <ConversationList
        id="conversation-list"
        open={drawer === "conversations"}
        onClose={closeDrawer}
        conversations={conversations}
        activeId={activeId}
        onNew={startNew}
        onRename={(id, title) => store.rename(id, title)}
        onSelect={(id) => {
          store.select(id);
          closeDrawer();
        }}
        onDelete={(id) => {
          const index = store.getSnapshot().conversations.findIndex((conversation) => conversation.id === id);
          const conversation = store.getSnapshot().conversations[index];
          if (!conversation) return;
          store.remove(id);
          if (store.getSnapshot().conversations.length === 0) store.create();
          setDeleted({ conversation, index });
        }}
        notice={
          deleted ? (
            <p className="chat-notice" role="status">
              Deleted “{deleted.conversation.title}”.
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  store.restore(deleted.conversation, deleted.index);
                  setDeleted(null);
                }}
              >
                Undo
              </button>
              <button type="button" className="button-secondary" onClick={() => setDeleted(null)}>
                Dismiss
              </button>
            </p>
          ) : null
        }
      />
      {active ? (
        <ConversationChat
          key={active.id}
          conversation={active}
          store={store}
          optionsOpen={drawer === "settings"}
          onCloseOptions={closeDrawer}
          needsKey={needsKey}
          mock={mock}
          focusRequest={focusRequest}
        />
      ) : null}
      {drawer ? (
        <button
          type="button"
          className="chat-drawer-backdrop"
          tabIndex={-1}
          aria-hidden="true"
          onClick={closeDrawer}
        />
      ) : null}
    </div>
  );
}
