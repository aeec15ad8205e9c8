import type { BetaMessageCountTokensParams, BetaMessageStreamParams } from "../../../types/beta.js";
import { BetaBatches } from "../../batches.js";
import { Messages } from "../../messages.js";

// `@colloquy/client/resources/beta/messages/messages`, as the official SDK's path of that name: the beta
// Messages resource, the `Beta…` types and the beta params under their unprefixed names (with `betas`).
export type {
  BetaMessageCountTokensParams as MessageCountTokensParams,
  BetaMessageCreateParams as MessageCreateParams,
  BetaMessageCreateParamsNonStreaming as MessageCreateParamsNonStreaming,
  BetaMessageCreateParamsStreaming as MessageCreateParamsStreaming,
  BetaMessageStreamParams as MessageCreateParamsBase,
  BetaMessageStreamParams as MessageStreamParams,
} from "../../../types/beta.js";
export * from "../../../types/beta.js";

/**
 * `client.beta.messages`: the Messages API with the beta request types (GA ones plus the beta-only
 * fields), and Message Batches under the beta header.
 */
export class BetaMessages extends Messages<BetaMessageStreamParams, BetaMessageCountTokensParams> {
  override readonly batches: BetaBatches = new BetaBatches(this.client);
}

export { BetaMessages as Messages };
