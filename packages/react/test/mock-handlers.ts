export {
  createMockApiHandlers as createMockHandlers,
  type MockApiHandlersOptions as MockHandlersOptions,
} from "@colloquy/mock-api/msw";
