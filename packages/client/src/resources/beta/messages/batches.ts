// `@colloquy/client/resources/beta/messages/batches`, as the official SDK's path of that name: the beta
// Batches resource, the `BetaMessageBatch…` types and the beta params under their unprefixed names.
export type {
  BetaDeletedMessageBatch,
  BetaMessageBatch,
  BetaMessageBatchCanceledResult,
  BetaMessageBatchErroredResult,
  BetaMessageBatchExpiredResult,
  BetaMessageBatchIndividualResponse,
  BetaMessageBatchRequestCounts,
  BetaMessageBatchResult,
  BetaMessageBatchSucceededResult,
} from "../../../types/batches.js";
export type {
  BetaBatchCreateParams as BatchCreateParams,
  BetaBatchListParams as BatchListParams,
  BetaBatchRetrieveParams as BatchCancelParams,
  BetaBatchRetrieveParams as BatchDeleteParams,
  BetaBatchRetrieveParams as BatchResultsParams,
  BetaBatchRetrieveParams as BatchRetrieveParams,
} from "../../../types/beta.js";
export { BetaBatches as Batches } from "../../batches.js";
