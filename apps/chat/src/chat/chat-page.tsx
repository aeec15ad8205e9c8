import { useConversations } from "../conversations/use-conversations";
import { ConversationChat } from "./conversation-chat";
import { ConversationList } from "./conversation-list";

/** The chat page: saved conversations on the left, the active one in the middle, its options on the right. */
export function ChatPage() {
  const { store, conversations, activeId } = useConversations();
  const active = conversations.find((conversation) => conversation.id === activeId);

  return (
    <div className="chat-page">
      <ConversationList
        conversations={conversations}
        activeId={activeId}
        onNew={() => store.create()}
        onSelect={(id) => store.select(id)}
        onDelete={(id) => {
          store.remove(id);
          if (store.getSnapshot().conversations.length === 0) store.create();
        }}
      />
      {active ? <ConversationChat key={active.id} conversation={active} store={store} /> : null}
    </div>
  );
}
