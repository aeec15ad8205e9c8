// `@colloquy/client/resources/beta/messages`, as the official SDK's path of that name: the beta Messages
// and Batches resources and their types.
export * from "./messages/batches.js";
export * from "./messages/messages.js";
