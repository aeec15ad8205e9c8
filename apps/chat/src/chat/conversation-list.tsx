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
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The saved conversations: select one, start a new one, delete one. */
export function ConversationList({
  id,
  open = false,
  onClose,
  conversations,
  activeId,
  onNew,
  onSelect,
  onDelete,
}: ConversationListProps) {
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
      <ul>
        {conversations.map((conversation) => {
          const active = conversation.id === activeId;
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
              <button
                type="button"
                className="conversation-delete"
                aria-label={`Delete conversation: ${conversation.title}`}
                title="Delete"
                onClick={() => onDelete(conversation.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
