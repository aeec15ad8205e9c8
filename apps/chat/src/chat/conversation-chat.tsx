import type { ContentBlockParam } from "@colloquy/client";
import {
  addUsage,
  type ChatMessage,
  type ChatUsageTotals,
  type UseChatOptions,
  useChat,
  useCountTokens,
  useModels,
} from "@colloquy/react";
import {
  ChatThread,
  Composer,
  ErrorNotice,
  toMessageLike,
  toolUseStatuses,
  toReplyStatus,
} from "@colloquy/ui";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ChatOptions, ConversationStore, StoredConversation } from "../conversations/conversation-store";
import { routeHref } from "../shell/hash-route";
import { demoTools } from "../tools/demo-tools";
import { AttachmentTray } from "./attachment-tray";
import { type Attachment, MAX_ATTACHMENTS, readAttachment } from "./attachments";
import { ChatOptionsPanel } from "./chat-options-panel";
import { editableMessages, editedContent } from "./editable-messages";
import { InlineMessageEdit } from "./inline-message-edit";
import { branchForEdit, switchBranch } from "./message-branches";
import { STARTER_PROMPTS, type StarterPrompt } from "./starter-prompts";

export interface ConversationChatProps {
  conversation: StoredConversation<ChatMessage>;
  store: ConversationStore<ChatMessage>;
  /** The options panel is open as a drawer (narrow screens). */
  optionsOpen?: boolean;
  onCloseOptions?: () => void;
  /** Direct mode without a key: sending is off and the composer asks for the key. */
  needsKey?: boolean;
  /** A new number moves the focus to the message box (after "New conversation"). */
  focusRequest?: number;
  /** On the mock API, the starter prompts carry the directives that make the mock show each feature. */
  mock?: boolean;
}

const BUSY = new Set(["connecting", "streaming", "running-tools", "awaiting-approval"]);

/** The request options of `useChat` for a conversation's settings (thinking needs max_tokens above its budget). */
export function chatRequestOptions(
  options: ChatOptions,
): Omit<UseChatOptions, "initialMessages"> & { model: string } {
  const thinking = options.thinking
    ? { type: "enabled" as const, budget_tokens: options.thinkingBudget }
    : undefined;
  return {
    model: options.model,
    maxTokens: thinking ? Math.max(options.maxTokens, options.thinkingBudget + 1) : options.maxTokens,
    system: options.system.trim() || undefined,
    thinking,
    tools: options.tools ? demoTools : undefined,
    params: options.promptCaching ? { cache_control: { type: "ephemeral" } } : undefined,
  };
}

/**
 * The messages to keep when a conversation is left while a reply is in progress: the reply being written
 * is kept as `stopped` with what arrived (dropped when nothing did), so it is saved rather than lost.
 */
export function settledMessages(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.flatMap((message): ChatMessage[] => {
    if (message.role !== "assistant" || message.status !== "streaming") return [message];
    return message.content.length > 0 ? [{ ...message, status: "stopped" }] : [];
  });
}

const NO_USAGE: ChatUsageTotals = {
  input_tokens: 0,
  output_tokens: 0,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

/** Token totals of every stored reply (complete, stopped or interrupted), whenever they were received. */
export function conversationUsage(messages: readonly ChatMessage[]): ChatUsageTotals {
  return messages.reduce(
    (total, message) => (message.role === "assistant" ? addUsage(total, message.usage) : total),
    NO_USAGE,
  );
}

/** One conversation: thread, actions, composer and options, saved to localStorage whenever it rests. */
export function ConversationChat({
  conversation,
  store,
  optionsOpen = false,
  onCloseOptions,
  needsKey = false,
  focusRequest = 0,
  mock = false,
}: ConversationChatProps) {
  const requestOptions = chatRequestOptions(conversation.options);
  const chat = useChat({ ...requestOptions, initialMessages: conversation.messages });
  const [draft, setDraft] = useState("");
  // Files waiting to go with the next message, and why refused ones were refused.
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [attachmentErrors, setAttachmentErrors] = useState<string[]>([]);
  const addFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    const errors: string[] = [];
    const read: Attachment[] = [];
    for (const file of files) {
      if (attachments.length + read.length >= MAX_ATTACHMENTS) {
        errors.push(`At most ${MAX_ATTACHMENTS} files can go with one message.`);
        break;
      }
      try {
        read.push(await readAttachment(file));
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    setAttachmentErrors(errors);
    if (read.length > 0) setAttachments((current) => [...current, ...read]);
  };

  // The user message being edited in place, by its index.
  const [editing, setEditing] = useState<number | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const models = useModels();
  const model = models.data?.find((entry) => entry.id === conversation.options.model);

  const busy = BUSY.has(chat.status);
  const status = toReplyStatus(chat.status);
  const messages = useMemo(() => chat.messages.map(toMessageLike), [chat.messages]);
  const toolStatuses = useMemo(
    () => toolUseStatuses(messages, busy, chat.pendingToolCalls),
    [messages, busy, chat.pendingToolCalls],
  );

  // Save once the conversation rests (not on every streamed token); the first render holds what was loaded.
  const saved = useRef(chat.messages);
  useEffect(() => {
    if (busy || chat.messages === saved.current) return;
    saved.current = chat.messages;
    store.update(conversation.id, { messages: chat.messages });
  }, [busy, chat.messages, conversation.id, store]);

  // Leaving the conversation (another one, Batches, Settings) while a reply is in progress stops it: save
  // what is there now, the partial reply marked stopped, so nothing typed or received is lost.
  const latest = useRef(chat.messages);
  useEffect(() => {
    latest.current = chat.messages;
  }, [chat.messages]);
  useEffect(
    () => () => {
      if (latest.current === saved.current) return;
      saved.current = latest.current;
      store.update(conversation.id, { messages: settledMessages(latest.current) });
    },
    [conversation.id, store],
  );
  const usage = useMemo(() => conversationUsage(chat.messages), [chat.messages]);

  useEffect(() => {
    if (focusRequest > 0) textareaRef.current?.focus();
  }, [focusRequest]);

  // A starter prompt may switch options on first (thinking, tools); it is sent once they apply, after the
  // commit in which useChat receives them.
  const [starter, setStarter] = useState<string | null>(null);
  const { send } = chat;
  useEffect(() => {
    if (starter === null) return;
    setStarter(null);
    void send(starter);
  }, [starter, send]);
  const startWith = (prompt: StarterPrompt) => {
    if (prompt.options) store.update(conversation.id, { options: prompt.options });
    setStarter(mock ? prompt.mockText : prompt.text);
  };

  // Escape stops a reply wherever the focus is (the composer handles it itself when focused).
  const { stop } = chat;
  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Shift+Escape is the shortcut to the message box, not a stop.
      if (event.key !== "Escape" || event.shiftKey || event.defaultPrevented) return;
      stop();
      textareaRef.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [busy, stop]);

  const countParams =
    draft.trim() === ""
      ? null
      : {
          model: requestOptions.model,
          messages: [{ role: "user" as const, content: draft }],
        };
  const draftCount = useCountTokens(countParams, { debounceMs: 250 });

  const editable = useMemo(() => editableMessages(chat.messages), [chat.messages]);
  const canEdit = editable.length > 0;
  const branches = conversation.branches ?? {};

  // The edited version keeps the files the message was sent with (those not removed while editing).
  const saveEdit = (index: number, text: string, attachments: ContentBlockParam[]) => {
    setEditing(null);
    store.update(conversation.id, { branches: branchForEdit(branches, chat.messages, index) });
    void chat.edit(index, editedContent(attachments, text));
  };
  const showVersion = (index: number, target: number) => {
    const switched = switchBranch(branches, chat.messages, index, target);
    if (!switched) return;
    chat.setMessages(switched.messages);
    store.update(conversation.id, switched);
  };

  /** Under each message the user typed: Edit, and "‹ 2/3 ›" once it has several versions. */
  const messageActions = (_message: unknown, index: number) => {
    const position = editable.findIndex((entry) => entry.index === index);
    const entry = editable[position];
    if (!entry) return null;
    if (editing === index) {
      return (
        <InlineMessageEdit
          initialText={entry.text}
          attachments={entry.attachments}
          onCancel={() => setEditing(null)}
          onSave={(text, attachments) => saveEdit(index, text, attachments)}
        />
      );
    }
    const record = branches[index];
    const count = record?.versions.length ?? 1;
    const current = record?.current ?? 0;
    return (
      <div className="message-tools">
        {record && count > 1 ? (
          // biome-ignore lint/a11y/useSemanticElements: a small group of buttons, not a form's fieldset
          <div className="message-versions" role="group" aria-label={`Versions of message ${position + 1}`}>
            <button
              type="button"
              aria-label="Previous version"
              disabled={busy || current === 0}
              onClick={() => showVersion(index, current - 1)}
            >
              ‹
            </button>
            <span>
              {current + 1}/{count}
            </span>
            <button
              type="button"
              aria-label="Next version"
              disabled={busy || current === count - 1}
              onClick={() => showVersion(index, current + 1)}
            >
              ›
            </button>
          </div>
        ) : null}
        <button
          type="button"
          aria-label={`Edit message ${position + 1}`}
          disabled={busy}
          onClick={() => setEditing(index)}
        >
          Edit
        </button>
      </div>
    );
  };

  return (
    <div className="conversation">
      <section
        className="conversation-main"
        aria-label="Chat with Claude"
        data-state={status}
        onPaste={(event) => {
          const files = [...event.clipboardData.files];
          if (files.length === 0) return;
          event.preventDefault();
          void addFiles(files);
        }}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes("Files")) event.preventDefault();
        }}
        onDrop={(event) => {
          if (event.dataTransfer.files.length === 0) return;
          event.preventDefault();
          void addFiles([...event.dataTransfer.files]);
        }}
      >
        <ChatThread
          messages={messages}
          status={status}
          showUsage
          contextWindow={model?.max_input_tokens}
          budgetTokens={conversation.options.thinking ? conversation.options.thinkingBudget : undefined}
          onContinue={() => void chat.continue()}
          toolStatuses={toolStatuses}
          renderMessageActions={messageActions}
          emptyState={
            needsKey ? (
              // No starters without a key (they could not be sent); the way to a key instead.
              <div className="chat-empty">
                <p>
                  Type your API key in <a href={routeHref("settings")}>Settings</a> to start a conversation.
                </p>
              </div>
            ) : (
              <div className="chat-empty">
                <p>Ask Claude anything, or start with one of these:</p>
                <ul className="chat-starters" aria-label="Starter prompts">
                  {STARTER_PROMPTS.map((prompt) => (
                    <li key={prompt.label}>
                      <button type="button" className="button-secondary" onClick={() => startWith(prompt)}>
                        {prompt.label}
                      </button>
                    </li>
                  ))}
                </ul>
                {mock ? (
                  <p className="chat-empty-hint">
                    On the mock API, Help lists every trigger a message can carry.
                  </p>
                ) : null}
              </div>
            )
          }
          footer={
            chat.status === "error" && chat.error ? (
              <ErrorNotice error={chat.error} onRetry={() => void chat.retry()} />
            ) : null
          }
        />
        <div className="chat-actions" role="toolbar" aria-label="Conversation actions">
          <button type="button" onClick={() => void chat.regenerate()} disabled={busy || !canEdit}>
            Regenerate
          </button>
          <span className="chat-status" data-state={chat.status}>
            {statusLabel(chat.status)}
          </span>
        </div>
        {needsKey ? (
          <p className="chat-notice" role="note">
            Direct mode needs your API key to send: <a href={routeHref("settings")}>type it in Settings</a>.
          </p>
        ) : null}
        <AttachmentTray
          attachments={attachments}
          errors={attachmentErrors}
          disabled={needsKey}
          onFiles={(files) => void addFiles(files)}
          onRemove={(id) => setAttachments((current) => current.filter((attachment) => attachment.id !== id))}
        />
        <Composer
          disabled={needsKey}
          onSend={(text) => {
            setDraft("");
            if (attachments.length === 0) {
              void chat.send(text);
              return;
            }
            // Files first, then the question about them (as the API's documentation advises).
            void chat.send([...attachments.map((attachment) => attachment.block), { type: "text", text }]);
            setAttachments([]);
            setAttachmentErrors([]);
          }}
          onStop={chat.stop}
          streaming={busy}
          value={draft}
          onValueChange={setDraft}
          tokenCount={countParams ? (draftCount.data?.input_tokens ?? null) : undefined}
          textareaRef={textareaRef}
        />
      </section>
      <ChatOptionsPanel
        id="chat-options"
        open={optionsOpen}
        onClose={onCloseOptions}
        options={conversation.options}
        onChange={(options) => store.update(conversation.id, { options })}
        usage={usage}
        contextWindow={model?.max_input_tokens}
      />
    </div>
  );
}

function statusLabel(status: string): string {
  switch (status) {
    case "connecting":
      return "Connecting…";
    case "streaming":
      return "Streaming…";
    case "running-tools":
      return "Running tools…";
    case "awaiting-approval":
      return "Waiting for approval";
    case "aborted":
      return "Stopped";
    case "error":
      return "Error";
    case "done":
      return "Done";
    default:
      return "";
  }
}
