export { type BatchResultFilter, BatchResults, type BatchResultsProps } from "./batch-results.js";
export { BatchTable, type BatchTableProps, batchProgress } from "./batch-table.js";
export { Chat, type ChatProps, toMessageLike, toReplyStatus } from "./chat.js";
export { ChatThread, type ChatThreadProps } from "./chat-thread.js";
export { ChatView, type ChatViewProps, toolUseStatuses } from "./chat-view.js";
export { CitationMarker, type CitationMarkerProps, citationSource } from "./citation-marker.js";
export { Composer, type ComposerProps } from "./composer.js";
export { ContentBlock, type ContentBlockProps, type DisplayBlock } from "./content-block.js";
export { DocumentBlock, type DocumentBlockProps } from "./document-block.js";
export { ErrorNotice, type ErrorNoticeProps, retryAfterFromError } from "./error-notice.js";
export { ImageBlock, type ImageBlockProps } from "./image-block.js";
export { CodeBlock, type CodeBlockProps, Markdown, type MarkdownProps } from "./markdown.js";
export {
  type MarkdownRenderer,
  MarkdownRendererProvider,
  type MarkdownRendererProviderProps,
  useMarkdownRenderer,
} from "./markdown-renderer.js";
export { blocksOf, type MessageLike, type ReplyStatus } from "./message-types.js";
export { MessageView, type MessageViewProps } from "./message-view.js";
export { ModelPicker, type ModelPickerProps } from "./model-picker.js";
export { ModelSelect, type ModelSelectProps } from "./model-select.js";
export { RedactedThinkingBlock, type RedactedThinkingBlockProps } from "./redacted-thinking-block.js";
export { announcementFor, ReplyAnnouncer, type ReplyAnnouncerProps } from "./reply-announcer.js";
export { ServerToolUseBlock, type ServerToolUseBlockProps } from "./server-tool-use-block.js";
export { StopReasonNotice, type StopReasonNoticeProps } from "./stop-reason-notice.js";
export { TextBlock, type TextBlockProps } from "./text-block.js";
export { ThinkingBlock, type ThinkingBlockProps } from "./thinking-block.js";
export { type PendingToolCallLike, ToolApproval, type ToolApprovalProps } from "./tool-approval.js";
export { ToolResultBlock, type ToolResultBlockProps } from "./tool-result-block.js";
export { ToolUseBlock, type ToolUseBlockProps, type ToolUseStatus } from "./tool-use-block.js";
export { UsageMeter, type UsageMeterProps } from "./usage-meter.js";
export { WebSearchResultBlock, type WebSearchResultBlockProps } from "./web-search-result-block.js";
