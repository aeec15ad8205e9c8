import type { APIPromise } from "../api-promise.js";
import type { PagePromise } from "../pagination.js";
import type { RequestOptions } from "../request-options.js";
import type * as Types from "../types/index.js";
import type { BetaModelListParams, BetaModelRetrieveParams, ModelInfo } from "../types/index.js";
import { type ItemArguments, splitArguments, splitHeaderParams } from "./arguments.js";
import { APIResource } from "./resource.js";

// `@colloquy/client/resources/models`: the resource class and the model types, as in the official SDK.
export * from "../types/models.js";

/**
 * `GET /v1/models`: the models this key can use, newest first. Header params (`betas`,
 * `workspace_id`) are sent as headers, never in the query.
 */
export class Models extends APIResource {
  /** One model by id or alias. */
  retrieve(modelID: string, ...rest: ItemArguments<BetaModelRetrieveParams>): APIPromise<ModelInfo> {
    return this.client.get(`/v1/models/${encodeURIComponent(modelID)}`, splitArguments(rest));
  }

  /** The models, newest first; `for await` walks every page. */
  list(params: BetaModelListParams | null = {}, options?: RequestOptions): PagePromise<ModelInfo> {
    const request = splitHeaderParams(params ?? {}, options);
    return this.client.getAPIList<ModelInfo>("/v1/models", { ...request.options, query: request.params });
  }
}

/** The types of this resource as `Anthropic.Models.ModelInfo`, ... (official SDK paths). */
export declare namespace Models {
  export type CapabilitySupport = Types.CapabilitySupport;
  export type ContextManagementCapability = Types.ContextManagementCapability;
  export type EffortCapability = Types.EffortCapability;
  export type ModelCapabilities = Types.ModelCapabilities;
  export type ModelInfo = Types.ModelInfo;
  export type ModelInfosPage = Types.ModelInfosPage;
  export type ModelLifecycle = Types.ModelLifecycle;
  export type ModelLine = Types.ModelLine;
  export type ModelListParams = Types.ModelListParams;
  export type ModelRetrieveParams = Types.ModelRetrieveParams;
  export type ServerToolsCapability = Types.ServerToolsCapability;
  export type ThinkingCapability = Types.ThinkingCapability;
}
