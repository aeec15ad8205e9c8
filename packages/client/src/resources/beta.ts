import { BetaBatches } from "./batches.js";
import { Messages } from "./messages.js";
import { Models } from "./models.js";
import { APIResource } from "./resource.js";

/** `client.beta.messages`: the Messages API, with Message Batches under the beta header. */
export class BetaMessages extends Messages {
  override readonly batches: BetaBatches = new BetaBatches(this.client);
}

/** The `client.beta` namespace of the official SDK. */
export class Beta extends APIResource {
  readonly messages: BetaMessages = new BetaMessages(this.client);
  readonly models: Models = new Models(this.client);
}
