import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import Anthropic, { Batches, type BetaBatches, BetaMessages, Messages, Models } from "../../src/index.js";
import type * as BetaBatchesPath from "../../src/resources/beta/messages/batches.js";
import type * as BetaMessagesPath from "../../src/resources/beta/messages/messages.js";
import type * as BetaModelsPath from "../../src/resources/beta/models.js";
import type * as BetaResources from "../../src/resources/beta.js";
import * as Resources from "../../src/resources/index.js";
import * as BatchesPath from "../../src/resources/messages/batches.js";
import type * as MessagesMessagesPath from "../../src/resources/messages/messages.js";
import * as MessagesPath from "../../src/resources/messages.js";
import type * as ModelsPath from "../../src/resources/models.js";
import type * as SharedPath from "../../src/resources/shared.js";
import type * as Types from "../../src/types/index.js";

// Type-level checks of what official code relies on; official-usage.ts is the same as compiled code.

describe("response blocks go back as request blocks", () => {
  it("each response block type is assignable to its param counterpart", () => {
    expectTypeOf<Types.TextBlock>().toExtend<Types.TextBlockParam>();
    expectTypeOf<Types.ThinkingBlock>().toExtend<Types.ThinkingBlockParam>();
    expectTypeOf<Types.RedactedThinkingBlock>().toExtend<Types.RedactedThinkingBlockParam>();
    expectTypeOf<Types.ToolUseBlock>().toExtend<Types.ToolUseBlockParam>();
    expectTypeOf<Types.ServerToolUseBlock>().toExtend<Types.ServerToolUseBlockParam>();
    expectTypeOf<Types.WebSearchToolResultBlock>().toExtend<Types.WebSearchToolResultBlockParam>();
    expectTypeOf<Types.WebFetchToolResultBlock>().toExtend<Types.ServerToolResultBlockParam>();
    expectTypeOf<Types.CodeExecutionToolResultBlock>().toExtend<Types.ServerToolResultBlockParam>();
    expectTypeOf<Types.BashCodeExecutionToolResultBlock>().toExtend<Types.ServerToolResultBlockParam>();
    expectTypeOf<Types.TextEditorCodeExecutionToolResultBlock>().toExtend<Types.ServerToolResultBlockParam>();
    expectTypeOf<Types.ToolSearchToolResultBlock>().toExtend<Types.ServerToolResultBlockParam>();
    expectTypeOf<Types.ContainerUploadBlock>().toExtend<Types.ContainerUploadBlockParam>();
    expectTypeOf<Types.ContentBlock>().toExtend<Types.ContentBlockParam>();
    expectTypeOf<Types.Message["content"]>().toExtend<Types.MessageParam["content"]>();
  });

  it("a tool call's toolset_name may be null, as the API sends it", () => {
    expectTypeOf<Types.ToolUseBlock["toolset_name"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Types.ToolUseBlockParam["toolset_name"]>().toEqualTypeOf<string | null | undefined>();
  });
});

describe("header params in the method params, as in the official 1.x types", () => {
  it("the GA params carry workspace_id, and user_profile_id where the API takes it", () => {
    expectTypeOf<Types.MessageCreateParamsBase>().toHaveProperty("workspace_id");
    expectTypeOf<Types.MessageCreateParamsBase>().toHaveProperty("user_profile_id");
    expectTypeOf<Types.MessageCountTokensParams>().toHaveProperty("user_profile_id");
    expectTypeOf<Types.BatchCreateParams>().toHaveProperty("user_profile_id");
    expectTypeOf<Types.BatchListParams>().toHaveProperty("workspace_id");
    expectTypeOf<Types.BatchRetrieveParams>().toEqualTypeOf<{ workspace_id?: string }>();
    expectTypeOf<Types.ModelRetrieveParams>().toEqualTypeOf<{ workspace_id?: string }>();
    expectTypeOf<Types.ModelListParams>().toHaveProperty("workspace_id");
  });

  it("every beta method takes betas", () => {
    const client = new Anthropic({ apiKey: "k" });
    type First<Method> = Method extends (first: infer P, ...rest: never[]) => unknown ? P : never;
    type Second<Method> = Method extends (id: string, second?: infer P, ...rest: never[]) => unknown
      ? P
      : never;
    const betas: { betas: string[] } = { betas: ["b"] };
    expectTypeOf(betas).toExtend<Pick<First<typeof client.beta.messages.countTokens>, "betas">>();
    expectTypeOf(betas).toExtend<Pick<First<typeof client.beta.messages.stream>, "betas">>();
    expectTypeOf(betas).toExtend<Pick<First<typeof client.beta.messages.batches.create>, "betas">>();
    expectTypeOf(betas).toExtend<NonNullable<First<typeof client.beta.messages.batches.list>>>();
    expectTypeOf(betas).toExtend<NonNullable<First<typeof client.beta.models.list>>>();
    expectTypeOf(betas).toExtend<NonNullable<Second<typeof client.beta.messages.batches.retrieve>>>();
    expectTypeOf(betas).toExtend<NonNullable<Second<typeof client.beta.models.retrieve>>>();
    expectTypeOf<Types.BetaMessageCreateParamsNonStreaming>().toHaveProperty("betas");
  });

  it("beta-only body fields are in the beta request types, not in GA ones", () => {
    const client = new Anthropic({ apiKey: "k" });
    expectTypeOf<Parameters<typeof client.beta.messages.create>[0]>().toHaveProperty("mcp_servers");
    expectTypeOf<Parameters<typeof client.beta.messages.create>[0]>().not.toHaveProperty("output_format");
    expectTypeOf<Parameters<typeof client.beta.messages.countTokens>[0]>().toHaveProperty(
      "context_management",
    );
    expectTypeOf<Parameters<typeof client.messages.create>[0]>().not.toHaveProperty("mcp_servers");
    expectTypeOf<Parameters<typeof client.messages.countTokens>[0]>().not.toHaveProperty(
      "context_management",
    );
    type BatchRequest<Create> = Create extends (params: { requests: Array<infer R> }) => unknown ? R : never;
    type GARequest = BatchRequest<typeof client.messages.batches.create>;
    type BetaRequest = BatchRequest<typeof client.beta.messages.batches.create>;
    expectTypeOf<GARequest["params"]>().not.toHaveProperty("mcp_servers");
    expectTypeOf<BetaRequest["params"]>().toHaveProperty("mcp_servers");
    expectTypeOf<Types.BetaParams["betas"]>().toEqualTypeOf<Types.AnthropicBeta[] | undefined>();
  });
});

describe("deep imports of the official resources/* paths", () => {
  it("resources/messages, resources/messages/messages and resources/messages/batches", () => {
    expectTypeOf<MessagesPath.MessageParam>().toEqualTypeOf<Types.MessageParam>();
    expectTypeOf<MessagesPath.MessageBatch>().toEqualTypeOf<Types.MessageBatch>();
    expectTypeOf<MessagesMessagesPath.ContentBlock>().toEqualTypeOf<Types.ContentBlock>();
    expectTypeOf<BatchesPath.BatchCreateParams>().toEqualTypeOf<Types.BatchCreateParams>();
    expect(MessagesPath.Messages).toBe(Messages);
    expect(MessagesPath.Batches).toBe(Batches);
    expect(BatchesPath.Batches).toBe(Batches);
  });

  it("resources/models, resources/shared and resources", () => {
    expectTypeOf<ModelsPath.ModelInfo>().toEqualTypeOf<Types.ModelInfo>();
    expectTypeOf<SharedPath.ErrorResponse>().toEqualTypeOf<Types.ErrorResponse>();
    expectTypeOf<Resources.MessageCreateParams>().toEqualTypeOf<Types.MessageCreateParams>();
    expect(Resources.Models).toBe(Models);
    expect(Resources.BetaMessages).toBe(BetaMessages);
  });

  it("resources/beta/*: the beta params under their unprefixed names, with betas", () => {
    expectTypeOf<BetaMessagesPath.MessageCreateParams>().toEqualTypeOf<Types.BetaMessageCreateParams>();
    expectTypeOf<BetaMessagesPath.BetaMessage>().toEqualTypeOf<Types.Message>();
    expectTypeOf<BetaBatchesPath.BatchCreateParams>().toEqualTypeOf<Types.BetaBatchCreateParams>();
    expectTypeOf<BetaBatchesPath.BetaMessageBatch>().toEqualTypeOf<Types.MessageBatch>();
    expectTypeOf<BetaModelsPath.ModelListParams>().toEqualTypeOf<Types.BetaModelListParams>();
    expectTypeOf<BetaResources.MessageCountTokensParams>().toEqualTypeOf<Types.BetaMessageCountTokensParams>();
    expectTypeOf<BetaBatchesPath.Batches>().toEqualTypeOf<BetaBatches>();
  });
});

describe("namespace paths", () => {
  it("Anthropic.Messages, Anthropic.Models and Anthropic.Beta are the resource classes and hold their types", () => {
    expect(Anthropic.Messages).toBe(Messages);
    expect(Anthropic.Models).toBe(Models);
    expect(Anthropic.Beta).toBe(Resources.Beta);
    expectTypeOf<Anthropic.Messages.MessageBatch>().toEqualTypeOf<Types.MessageBatch>();
    expectTypeOf<Anthropic.Messages.MessageParam>().toEqualTypeOf<Types.MessageParam>();
    expectTypeOf<Anthropic.Messages.Batches>().toEqualTypeOf<Batches>();
    expectTypeOf<Anthropic.Models.ModelInfo>().toEqualTypeOf<Types.ModelInfo>();
    expectTypeOf<Anthropic.Beta.BetaMessageParam>().toEqualTypeOf<Types.MessageParam>();
    expectTypeOf<Anthropic.Beta.BetaMessageBatch>().toEqualTypeOf<Types.MessageBatch>();
  });

  /** The names a namespace declares (`export type Name =`) in one source file. */
  const declared = (file: string, namespace: string): string[] => {
    const source = readFileSync(new URL(file, import.meta.url), "utf8");
    const body = source.split(`export declare namespace ${namespace} {`)[1]?.split("\n}")[0] ?? "";
    return [...body.matchAll(/export type (\w+) =/g)].map((match) => match[1]!);
  };
  /** The types a wire-type module exports. */
  const exported = (file: string): string[] => {
    const source = readFileSync(new URL(`../../src/types/${file}`, import.meta.url), "utf8");
    return [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!);
  };

  it("each resource namespace lists every type of its modules (none forgotten when one is added)", () => {
    const messages = declared("../../src/resources/messages.ts", "Messages");
    expect(messages).toEqual(expect.arrayContaining([...exported("messages.ts"), ...exported("batches.ts")]));
    expect(declared("../../src/resources/models.ts", "Models")).toEqual(
      expect.arrayContaining(exported("models.ts")),
    );
    const betaBatchTypes = exported("batches.ts").filter((name) => name.startsWith("Beta"));
    expect(declared("../../src/resources/beta.ts", "Beta")).toEqual(
      expect.arrayContaining([...exported("beta.ts"), ...betaBatchTypes]),
    );
    expect(messages.length).toBeGreaterThan(100);
  });

  it("the Anthropic namespace lists every type of messages, batches, models and shared", () => {
    expect(declared("../../src/anthropic.ts", "Anthropic")).toEqual(
      expect.arrayContaining(["messages.ts", "batches.ts", "models.ts", "shared.ts"].flatMap(exported)),
    );
  });
});
