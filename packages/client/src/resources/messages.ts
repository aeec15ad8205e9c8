import type { APIPromise } from "../api-promise.js";
import { AnthropicError } from "../errors.js";
import { MessageStream } from "../message-stream.js";
import type { RequestOptions } from "../request-options.js";
import type { Stream } from "../streaming/stream.js";
import type * as Types from "../types/index.js";
import type {
  BetaParams,
  Message,
  MessageCountTokensParams,
  MessageCreateParamsBase,
  MessageTokensCount,
  RawMessageStreamEvent,
} from "../types/index.js";
import { splitHeaderParams } from "./arguments.js";
import { Batches } from "./batches.js";
import { APIResource } from "./resource.js";

// `@colloquy/client/resources/messages` holds what the official SDK's path of that name holds: the
// resource classes and the wire types of messages and batches.
export * from "../types/batches.js";
export * from "../types/messages.js";
export { Batches };

/**
 * `POST /v1/messages`, its streaming helper, token counting and Message Batches. Header params
 * (`betas`, `workspace_id`, `user_profile_id`) are sent as headers, never in the body.
 * `Params` and `CountParams` type the request bodies: the GA ones here, the beta ones (with the
 * beta-only fields) in `BetaMessages`, the same class serving `client.beta.messages`.
 */
export class Messages<
  Params extends MessageCreateParamsBase = MessageCreateParamsBase & BetaParams,
  CountParams extends MessageCountTokensParams = MessageCountTokensParams & BetaParams,
> extends APIResource {
  readonly batches: Batches = new Batches(this.client);

  /**
   * Sends a conversation and returns Claude's reply: a `Message`, or with `stream: true` a `Stream` of
   * server-sent events.
   */
  create(body: Params & { stream?: false }, options?: RequestOptions): APIPromise<Message>;
  create(
    body: Params & { stream: true },
    options?: RequestOptions,
  ): APIPromise<Stream<RawMessageStreamEvent>>;
  create(body: Params, options?: RequestOptions): APIPromise<Stream<RawMessageStreamEvent> | Message>;
  create(body: Params, options: RequestOptions = {}): APIPromise<Stream<RawMessageStreamEvent> | Message> {
    const request = splitHeaderParams(body, options);
    const params = request.params;
    const stream = params.stream === true;
    // As in the official SDK, a non-streaming call expected to run past 10 minutes (the default timeout;
    // about 1 hour per 128k output tokens, so past 21,333 tokens) is refused unless a timeout is set.
    if (
      !stream &&
      params.max_tokens > 21_333 &&
      (options.timeout ?? this.client._options.timeout) === undefined
    ) {
      throw new AnthropicError("Streaming is required for max_tokens over 21,333, unless a timeout is set.");
    }
    return this.client.post("/v1/messages", { ...request.options, body: params, stream });
  }

  /**
   * Streams a reply with helpers: `.on("text", ...)`, `finalMessage()`, `finalText()`, `abort()`.
   * @example
   * const stream = client.messages.stream({ model, max_tokens: 1024, messages }).on("text", console.log);
   * const message = await stream.finalMessage();
   */
  stream(body: Params, options: RequestOptions = {}): MessageStream {
    return MessageStream.createMessage(
      (signal) =>
        this.create(
          { ...body, stream: true },
          {
            ...options,
            signal,
          },
        ).withResponse(),
      { signal: options.signal ?? undefined, params: body },
    );
  }

  /** Counts the input tokens of a request without sending it to the model. */
  countTokens(body: CountParams, options?: RequestOptions): APIPromise<MessageTokensCount> {
    const request = splitHeaderParams(body, options);
    return this.client.post("/v1/messages/count_tokens", { ...request.options, body: request.params });
  }
}

/** The types of this resource as `Anthropic.Messages.MessageParam`, `Anthropic.Messages.MessageBatch`, ... (official SDK paths). */
export declare namespace Messages {
  export { Batches };
  export type AnthropicDefinedTool = Types.AnthropicDefinedTool;
  export type AssistantMessageParam = Types.AssistantMessageParam;
  export type Base64ImageSource = Types.Base64ImageSource;
  export type Base64PDFSource = Types.Base64PDFSource;
  export type BashCodeExecutionToolResultBlock = Types.BashCodeExecutionToolResultBlock;
  export type BashCodeExecutionToolResultBlockParam = Types.BashCodeExecutionToolResultBlockParam;
  export type BatchCancelParams = Types.BatchCancelParams;
  export type BatchCreateParams = Types.BatchCreateParams;
  export type BatchDeleteParams = Types.BatchDeleteParams;
  export type BatchListParams = Types.BatchListParams;
  export type BatchResultsParams = Types.BatchResultsParams;
  export type BatchRetrieveParams = Types.BatchRetrieveParams;
  export type BetaDeletedMessageBatch = Types.BetaDeletedMessageBatch;
  export type BetaMessageBatch = Types.BetaMessageBatch;
  export type BetaMessageBatchCanceledResult = Types.BetaMessageBatchCanceledResult;
  export type BetaMessageBatchErroredResult = Types.BetaMessageBatchErroredResult;
  export type BetaMessageBatchExpiredResult = Types.BetaMessageBatchExpiredResult;
  export type BetaMessageBatchIndividualResponse = Types.BetaMessageBatchIndividualResponse;
  export type BetaMessageBatchRequestCounts = Types.BetaMessageBatchRequestCounts;
  export type BetaMessageBatchResult = Types.BetaMessageBatchResult;
  export type BetaMessageBatchSucceededResult = Types.BetaMessageBatchSucceededResult;
  export type CacheControlEphemeral = Types.CacheControlEphemeral;
  export type CacheCreation = Types.CacheCreation;
  export type CacheMissReason = Types.CacheMissReason;
  export type CitationCharLocation = Types.CitationCharLocation;
  export type CitationCharLocationParam = Types.CitationCharLocationParam;
  export type CitationContentBlockLocation = Types.CitationContentBlockLocation;
  export type CitationContentBlockLocationParam = Types.CitationContentBlockLocationParam;
  export type CitationPageLocation = Types.CitationPageLocation;
  export type CitationPageLocationParam = Types.CitationPageLocationParam;
  export type CitationSearchResultLocationParam = Types.CitationSearchResultLocationParam;
  export type CitationWebSearchResultLocationParam = Types.CitationWebSearchResultLocationParam;
  export type CitationsConfig = Types.CitationsConfig;
  export type CitationsConfigParam = Types.CitationsConfigParam;
  export type CitationsDelta = Types.CitationsDelta;
  export type CitationsSearchResultLocation = Types.CitationsSearchResultLocation;
  export type CitationsWebSearchResultLocation = Types.CitationsWebSearchResultLocation;
  export type ClientToolUnion = Types.ClientToolUnion;
  export type CodeExecutionOutputBlock = Types.CodeExecutionOutputBlock;
  export type CodeExecutionTool = Types.CodeExecutionTool;
  export type CodeExecutionTool20250522 = Types.CodeExecutionTool20250522;
  export type CodeExecutionTool20250825 = Types.CodeExecutionTool20250825;
  export type CodeExecutionTool20260120 = Types.CodeExecutionTool20260120;
  export type CodeExecutionTool20260521 = Types.CodeExecutionTool20260521;
  export type CodeExecutionToolResultBlock = Types.CodeExecutionToolResultBlock;
  export type CodeExecutionToolResultBlockContent = Types.CodeExecutionToolResultBlockContent;
  export type CodeExecutionToolResultBlockParam = Types.CodeExecutionToolResultBlockParam;
  export type Container = Types.Container;
  export type ContainerParams = Types.ContainerParams;
  export type ContainerSkill = Types.ContainerSkill;
  export type ContainerUploadBlock = Types.ContainerUploadBlock;
  export type ContainerUploadBlockParam = Types.ContainerUploadBlockParam;
  export type ContentBlock = Types.ContentBlock;
  export type ContentBlockDeltaEvent = Types.ContentBlockDeltaEvent;
  export type ContentBlockParam = Types.ContentBlockParam;
  export type ContentBlockSource = Types.ContentBlockSource;
  export type ContentBlockStartEvent = Types.ContentBlockStartEvent;
  export type ContentBlockStopEvent = Types.ContentBlockStopEvent;
  export type DeletedMessageBatch = Types.DeletedMessageBatch;
  export type Diagnostics = Types.Diagnostics;
  export type DiagnosticsParam = Types.DiagnosticsParam;
  export type DirectCaller = Types.DirectCaller;
  export type DocumentBlockParam = Types.DocumentBlockParam;
  export type FileDocumentSource = Types.FileDocumentSource;
  export type FileImageSource = Types.FileImageSource;
  export type ImageBlockParam = Types.ImageBlockParam;
  export type ImageTransformationsParam = Types.ImageTransformationsParam;
  export type InputJSONDelta = Types.InputJSONDelta;
  export type JSONOutputFormat = Types.JSONOutputFormat;
  export type MemoryTool20250818 = Types.MemoryTool20250818;
  export type Message = Types.Message;
  export type MessageBatch = Types.MessageBatch;
  export type MessageBatchCanceledResult = Types.MessageBatchCanceledResult;
  export type MessageBatchErroredResult = Types.MessageBatchErroredResult;
  export type MessageBatchExpiredResult = Types.MessageBatchExpiredResult;
  export type MessageBatchIndividualResponse = Types.MessageBatchIndividualResponse;
  export type MessageBatchRequest = Types.MessageBatchRequest;
  export type MessageBatchRequestCounts = Types.MessageBatchRequestCounts;
  export type MessageBatchResult = Types.MessageBatchResult;
  export type MessageBatchSucceededResult = Types.MessageBatchSucceededResult;
  export type MessageBatchesPage = Types.MessageBatchesPage;
  export type MessageContentParam = Types.MessageContentParam;
  export type MessageCountTokensParams = Types.MessageCountTokensParams;
  export type MessageCountTokensTool = Types.MessageCountTokensTool;
  export type MessageCreateParams = Types.MessageCreateParams;
  export type MessageCreateParamsBase = Types.MessageCreateParamsBase;
  export type MessageCreateParamsContainer = Types.MessageCreateParamsContainer;
  export type MessageCreateParamsNonStreaming = Types.MessageCreateParamsNonStreaming;
  export type MessageCreateParamsStreaming = Types.MessageCreateParamsStreaming;
  export type MessageDeltaEvent = Types.MessageDeltaEvent;
  export type MessageDeltaUsage = Types.MessageDeltaUsage;
  export type MessageParam = Types.MessageParam;
  export type MessageStartEvent = Types.MessageStartEvent;
  export type MessageStopEvent = Types.MessageStopEvent;
  export type MessageStreamEvent = Types.MessageStreamEvent;
  export type MessageStreamParams = Types.MessageStreamParams;
  export type MessageTokensCount = Types.MessageTokensCount;
  export type Metadata = Types.Metadata;
  export type Model = Types.Model;
  export type OutputConfig = Types.OutputConfig;
  export type OutputTokensDetails = Types.OutputTokensDetails;
  export type PlainTextSource = Types.PlainTextSource;
  export type RawContentBlockDelta = Types.RawContentBlockDelta;
  export type RawContentBlockDeltaEvent = Types.RawContentBlockDeltaEvent;
  export type RawContentBlockStartEvent = Types.RawContentBlockStartEvent;
  export type RawContentBlockStopEvent = Types.RawContentBlockStopEvent;
  export type RawMessageDeltaEvent = Types.RawMessageDeltaEvent;
  export type RawMessageStartEvent = Types.RawMessageStartEvent;
  export type RawMessageStopEvent = Types.RawMessageStopEvent;
  export type RawMessageStreamEvent = Types.RawMessageStreamEvent;
  export type RedactedThinkingBlock = Types.RedactedThinkingBlock;
  export type RedactedThinkingBlockParam = Types.RedactedThinkingBlockParam;
  export type RefusalStopDetails = Types.RefusalStopDetails;
  export type ResponseToolUseBlockUnion = Types.ResponseToolUseBlockUnion;
  export type SearchResultBlockParam = Types.SearchResultBlockParam;
  export type ServerToolCaller = Types.ServerToolCaller;
  export type ServerToolName = Types.ServerToolName;
  export type ServerToolResultBlockParam = Types.ServerToolResultBlockParam;
  export type ServerToolResultError = Types.ServerToolResultError;
  export type ServerToolUsage = Types.ServerToolUsage;
  export type ServerToolUseBlock = Types.ServerToolUseBlock;
  export type ServerToolUseBlockParam = Types.ServerToolUseBlockParam;
  export type SignatureDelta = Types.SignatureDelta;
  export type SkillParams = Types.SkillParams;
  export type StopDetails = Types.StopDetails;
  export type StopReason = Types.StopReason;
  export type SystemMessageParam = Types.SystemMessageParam;
  export type TextBlock = Types.TextBlock;
  export type TextBlockParam = Types.TextBlockParam;
  export type TextCitation = Types.TextCitation;
  export type TextCitationParam = Types.TextCitationParam;
  export type TextDelta = Types.TextDelta;
  export type TextEditorCodeExecutionToolResultBlock = Types.TextEditorCodeExecutionToolResultBlock;
  export type TextEditorCodeExecutionToolResultBlockParam = Types.TextEditorCodeExecutionToolResultBlockParam;
  export type ThinkingBlock = Types.ThinkingBlock;
  export type ThinkingBlockParam = Types.ThinkingBlockParam;
  export type ThinkingConfigAdaptive = Types.ThinkingConfigAdaptive;
  export type ThinkingConfigBetweenTools = Types.ThinkingConfigBetweenTools;
  export type ThinkingConfigDisabled = Types.ThinkingConfigDisabled;
  export type ThinkingConfigEnabled = Types.ThinkingConfigEnabled;
  export type ThinkingConfigParam = Types.ThinkingConfigParam;
  export type ThinkingDelta = Types.ThinkingDelta;
  export type ThinkingDisplay = Types.ThinkingDisplay;
  export type Tool = Types.Tool;
  export type ToolAllowedCaller = Types.ToolAllowedCaller;
  export type ToolBash20250124 = Types.ToolBash20250124;
  export type ToolChoice = Types.ToolChoice;
  export type ToolChoiceAny = Types.ToolChoiceAny;
  export type ToolChoiceAuto = Types.ToolChoiceAuto;
  export type ToolChoiceNone = Types.ToolChoiceNone;
  export type ToolChoiceTool = Types.ToolChoiceTool;
  export type ToolInputSchema = Types.ToolInputSchema;
  export type ToolReferenceBlock = Types.ToolReferenceBlock;
  export type ToolReferenceBlockParam = Types.ToolReferenceBlockParam;
  export type ToolResultBlockParam = Types.ToolResultBlockParam;
  export type ToolSearchToolBm25_20251119 = Types.ToolSearchToolBm25_20251119;
  export type ToolSearchToolRegex20251119 = Types.ToolSearchToolRegex20251119;
  export type ToolSearchToolResultBlock = Types.ToolSearchToolResultBlock;
  export type ToolSearchToolResultBlockParam = Types.ToolSearchToolResultBlockParam;
  export type ToolTextEditor20250124 = Types.ToolTextEditor20250124;
  export type ToolTextEditor20250429 = Types.ToolTextEditor20250429;
  export type ToolTextEditor20250728 = Types.ToolTextEditor20250728;
  export type ToolUnion = Types.ToolUnion;
  export type ToolUseBlock = Types.ToolUseBlock;
  export type ToolUseBlockParam = Types.ToolUseBlockParam;
  export type ToolUseCaller = Types.ToolUseCaller;
  export type ToolsetToolUseBlock = Types.ToolsetToolUseBlock;
  export type URLImageSource = Types.URLImageSource;
  export type URLPDFSource = Types.URLPDFSource;
  export type Usage = Types.Usage;
  export type UserLocation = Types.UserLocation;
  export type UserMessageParam = Types.UserMessageParam;
  export type WebFetchTool = Types.WebFetchTool;
  export type WebFetchTool20250910 = Types.WebFetchTool20250910;
  export type WebFetchTool20260209 = Types.WebFetchTool20260209;
  export type WebFetchTool20260309 = Types.WebFetchTool20260309;
  export type WebFetchTool20260318 = Types.WebFetchTool20260318;
  export type WebFetchToolResultBlock = Types.WebFetchToolResultBlock;
  export type WebFetchToolResultBlockParam = Types.WebFetchToolResultBlockParam;
  export type WebSearchResultBlock = Types.WebSearchResultBlock;
  export type WebSearchResultBlockParam = Types.WebSearchResultBlockParam;
  export type WebSearchTool = Types.WebSearchTool;
  export type WebSearchTool20250305 = Types.WebSearchTool20250305;
  export type WebSearchTool20260209 = Types.WebSearchTool20260209;
  export type WebSearchTool20260318 = Types.WebSearchTool20260318;
  export type WebSearchToolRequestError = Types.WebSearchToolRequestError;
  export type WebSearchToolResultBlock = Types.WebSearchToolResultBlock;
  export type WebSearchToolResultBlockContent = Types.WebSearchToolResultBlockContent;
  export type WebSearchToolResultBlockParam = Types.WebSearchToolResultBlockParam;
  export type WebSearchToolResultError = Types.WebSearchToolResultError;
  export type WebSearchToolResultErrorCode = Types.WebSearchToolResultErrorCode;
}
