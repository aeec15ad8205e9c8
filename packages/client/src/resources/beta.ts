import type * as Types from "../types/index.js";
import { BetaMessages } from "./beta/messages/messages.js";
import { Models } from "./models.js";
import { APIResource } from "./resource.js";

// `@colloquy/client/resources/beta` holds what the official SDK's path of that name holds: the beta
// resources, the `Beta…` types and the beta params under their unprefixed names (with `betas`).
export * from "./beta/messages.js";
export * from "./beta/models.js";
export { BetaMessages };

/** The `client.beta` namespace of the official SDK. */
export class Beta extends APIResource {
  readonly messages: BetaMessages = new BetaMessages(this.client);
  readonly models: Models = new Models(this.client);
}

/** The beta types as `Anthropic.Beta.BetaMessage`, `Anthropic.Beta.AnthropicBeta`, ... (official SDK paths). */
export declare namespace Beta {
  export type AnthropicBeta = Types.AnthropicBeta;
  export type BetaBatchCreateParams = Types.BetaBatchCreateParams;
  export type BetaBatchListParams = Types.BetaBatchListParams;
  export type BetaBatchRetrieveParams = Types.BetaBatchRetrieveParams;
  export type BetaContentBlock = Types.BetaContentBlock;
  export type BetaContentBlockParam = Types.BetaContentBlockParam;
  export type BetaDeletedMessageBatch = Types.BetaDeletedMessageBatch;
  export type BetaMessage = Types.BetaMessage;
  export type BetaMessageBatch = Types.BetaMessageBatch;
  export type BetaMessageBatchCanceledResult = Types.BetaMessageBatchCanceledResult;
  export type BetaMessageBatchErroredResult = Types.BetaMessageBatchErroredResult;
  export type BetaMessageBatchExpiredResult = Types.BetaMessageBatchExpiredResult;
  export type BetaMessageBatchIndividualResponse = Types.BetaMessageBatchIndividualResponse;
  export type BetaMessageBatchRequest = Types.BetaMessageBatchRequest;
  export type BetaMessageBatchRequestCounts = Types.BetaMessageBatchRequestCounts;
  export type BetaMessageBatchResult = Types.BetaMessageBatchResult;
  export type BetaMessageBatchSucceededResult = Types.BetaMessageBatchSucceededResult;
  export type BetaMessageCountTokensParams = Types.BetaMessageCountTokensParams;
  export type BetaMessageCreateParams = Types.BetaMessageCreateParams;
  export type BetaMessageCreateParamsNonStreaming = Types.BetaMessageCreateParamsNonStreaming;
  export type BetaMessageCreateParamsStreaming = Types.BetaMessageCreateParamsStreaming;
  export type BetaMessageDeltaUsage = Types.BetaMessageDeltaUsage;
  export type BetaMessageOnlyParams = Types.BetaMessageOnlyParams;
  export type BetaMessageParam = Types.BetaMessageParam;
  export type BetaMessageStreamParams = Types.BetaMessageStreamParams;
  export type BetaMessageTokensCount = Types.BetaMessageTokensCount;
  export type BetaModelInfo = Types.BetaModelInfo;
  export type BetaModelListParams = Types.BetaModelListParams;
  export type BetaModelRetrieveParams = Types.BetaModelRetrieveParams;
  export type BetaOutputConfig = Types.BetaOutputConfig;
  export type BetaParams = Types.BetaParams;
  export type BetaRawContentBlockDelta = Types.BetaRawContentBlockDelta;
  export type BetaRawContentBlockDeltaEvent = Types.BetaRawContentBlockDeltaEvent;
  export type BetaRawContentBlockStartEvent = Types.BetaRawContentBlockStartEvent;
  export type BetaRawContentBlockStopEvent = Types.BetaRawContentBlockStopEvent;
  export type BetaRawMessageDeltaEvent = Types.BetaRawMessageDeltaEvent;
  export type BetaRawMessageStartEvent = Types.BetaRawMessageStartEvent;
  export type BetaRawMessageStopEvent = Types.BetaRawMessageStopEvent;
  export type BetaRawMessageStreamEvent = Types.BetaRawMessageStreamEvent;
  export type BetaRedactedThinkingBlock = Types.BetaRedactedThinkingBlock;
  export type BetaRedactedThinkingBlockParam = Types.BetaRedactedThinkingBlockParam;
  export type BetaRequestMCPServerURLDefinition = Types.BetaRequestMCPServerURLDefinition;
  export type BetaStopReason = Types.BetaStopReason;
  export type BetaTextBlock = Types.BetaTextBlock;
  export type BetaTextBlockParam = Types.BetaTextBlockParam;
  export type BetaTextCitation = Types.BetaTextCitation;
  export type BetaThinkingBlock = Types.BetaThinkingBlock;
  export type BetaThinkingBlockParam = Types.BetaThinkingBlockParam;
  export type BetaThinkingConfigParam = Types.BetaThinkingConfigParam;
  export type BetaTokenTaskBudget = Types.BetaTokenTaskBudget;
  export type BetaTool = Types.BetaTool;
  export type BetaToolChoice = Types.BetaToolChoice;
  export type BetaToolResultBlockParam = Types.BetaToolResultBlockParam;
  export type BetaToolUnion = Types.BetaToolUnion;
  export type BetaToolUseBlock = Types.BetaToolUseBlock;
  export type BetaToolUseBlockParam = Types.BetaToolUseBlockParam;
  export type BetaUsage = Types.BetaUsage;
}
