import { type ReactNode, useId, useState } from "react";
import type { StoredConversation } from "../conversations/conversation-store";

export interface ConversationListProps {
  id?: string;
  /** Shown as an open drawer (narrow screens; beside the thread it is always shown). */
  open?: boolean;
  onClose?: () => void;
  conversations: readonly StoredConversation[];
  activeId: string | null;
  onNew: () => void;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
  onRename: (id: string, title: string) => void;
  /** A notice about the list, shown under the search (e.g. "Deleted …, Undo"), where the action was taken. */
  notice?: ReactNode;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The text of a stored conversation's messages (strings and text blocks), for searching. */
function conversationText(conversation: StoredConversation): string {
  const parts: string[] = [conversation.title];
  for (const message of conversation.messages) {
    const content = (message as { content?: unknown }).content;
    if (typeof content === "string") parts.push(content);
    else if (Array.isArray(content)) {
      for (const block of content) {
        if (block && typeof block === "object" && typeof (block as { text?: unknown }).text === "string")
          parts.push((block as { text: string }).text);
      }
    }
  }
  return parts.join("\n").toLowerCase();
}

/** Conversations whose title or messages contain every word of the query (case-insensitive). */
export function searchConversations<C extends StoredConversation>(
  conversations: readonly C[],
  query: string,
): readonly C[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return conversations;
  return conversations.filter((conversation) => {
    const text = conversationText(conversation);
    return words.every((word) => text.includes(word));
  });
}

/** A small button acting on one conversation, named "<verb> conversation: <title>" for assistive tech. */
function ConversationAction({
  verb,
  title,
  symbol,
  className,
  onClick,
}: {
  verb: "Rename" | "Delete";
  title: string;
  symbol: string;
  className?: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={className ? `conversation-action ${className}` : "conversation-action"}
      aria-label={`${verb} conversation: ${title}`}
      title={verb}
      onClick={onClick}
    >
      {symbol}
    </button>
  );
}

/** The saved conversations: search, select, start, rename and delete them. */
export function ConversationList({
  id,
  open = false,
  onClose,
  conversations,
  activeId,
  onNew,
  onSelect,
  onDelete,
  onRename,
  notice,
}: ConversationListProps) {
  const [query, setQuery] = useState("");
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const searchId = useId();
  const shown = searchConversations(conversations, query);

  return (
    <nav id={id} className="conversation-list" data-open={open} aria-label="Conversations">
      {onClose ? (
        <button type="button" className="drawer-close button-secondary" onClick={onClose}>
          Close
        </button>
      ) : null}
      <button type="button" className="conversation-new" onClick={onNew}>
        New conversation
      </button>
      <label className="conversation-search" htmlFor={searchId}>
        <span className="cq-visually-hidden">Search conversations</span>
        <input
          id={searchId}
          type="search"
          placeholder="Search conversations"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      {notice}
      {query.trim() !== "" && shown.length === 0 ? (
        <p className="conversation-none" role="status">
          No conversation matches “{query.trim()}”.
        </p>
      ) : null}
      <ul>
        {shown.map((conversation) => {
          const active = conversation.id === activeId;
          if (renaming?.id === conversation.id) {
            const save = () => {
              onRename(conversation.id, renaming.title);
              setRenaming(null);
            };
            return (
              <li key={conversation.id} data-state={active ? "active" : "inactive"}>
                <form
                  className="conversation-rename"
                  onSubmit={(event) => {
                    event.preventDefault();
                    save();
                  }}
                >
                  <input
                    type="text"
                    aria-label={`New title for ${conversation.title}`}
                    value={renaming.title}
                    // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
                    autoFocus
                    onChange={(event) => setRenaming({ id: conversation.id, title: event.target.value })}
                    onKeyDown={(event) => {
                      if (event.key !== "Escape") return;
                      event.preventDefault();
                      event.stopPropagation();
                      setRenaming(null);
                    }}
                    onBlur={save}
                  />
                </form>
              </li>
            );
          }
          return (
            <li key={conversation.id} data-state={active ? "active" : "inactive"}>
              <button
                type="button"
                className="conversation-select"
                aria-current={active ? "true" : undefined}
                onClick={() => onSelect(conversation.id)}
              >
                <span className="conversation-title">{conversation.title}</span>
                <span className="conversation-date">{dateFormat.format(conversation.updatedAt)}</span>
              </button>
              <ConversationAction
                verb="Rename"
                title={conversation.title}
                symbol="✎"
                onClick={() => setRenaming({ id: conversation.id, title: conversation.title })}
              />
              <ConversationAction
                verb="Delete"
                title={conversation.title}
                symbol="×"
                className="conversation-delete"
                onClick={() => onDelete(conversation.id)}
              />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
