// `@colloquy/client/resources/messages/messages`, as the official SDK's path of that name (the one editors
// auto-import from): the Messages resource and the message wire types.
export * from "../../types/messages.js";
export { Messages } from "../messages.js";
