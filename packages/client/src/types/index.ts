export type * from "./batches.js";
export type * from "./messages.js";
export type * from "./models.js";
export type * from "./shared.js";
