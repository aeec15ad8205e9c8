// `@colloquy/client/resources`: the resource classes and wire types, as the official SDK's path of that
// name (whose beta params live under `resources/beta`).
export * from "../types/beta.js";
export { Beta, BetaMessages } from "./beta.js";
export * from "./messages.js";
export * from "./models.js";
export * from "./shared.js";
