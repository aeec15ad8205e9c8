// `@colloquy/client/resources/messages/batches`, as the official SDK's path of that name: the Batches
// resource and the batch wire types.
export * from "../../types/batches.js";
export { Batches } from "../batches.js";
