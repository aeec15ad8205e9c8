// `export *` rather than `export type *` (TypeScript >= 5.0): our declarations must compile under
// TypeScript 4.5. These modules hold only types, so their JavaScript is empty.
export * from "./batches.js";
export * from "./beta.js";
export * from "./messages.js";
export * from "./models.js";
export * from "./shared.js";
