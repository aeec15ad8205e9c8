import type { BaseAnthropic } from "../client.js";

/** A group of endpoints sharing the client. */
export class APIResource {
  declare protected readonly client: BaseAnthropic;

  constructor(client: BaseAnthropic) {
    this.client = client;
  }
}
