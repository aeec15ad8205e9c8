import type { BaseAnthropic } from "../client.js";

/** A group of endpoints sharing the client. */
export class APIResource {
  constructor(protected readonly client: BaseAnthropic) {}
}
