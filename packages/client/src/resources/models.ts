import type { APIPromise } from "../api-promise.js";
import type { PagePromise } from "../pagination.js";
import type { RequestOptions } from "../request-options.js";
import type { BetaModelListParams, BetaModelRetrieveParams, ModelInfo } from "../types/index.js";
import { splitArguments, splitHeaderParams } from "./arguments.js";
import { APIResource } from "./resource.js";

/**
 * `GET /v1/models`: the models this key can use, newest first. Header params (`betas`,
 * `workspace_id`) are sent as headers, never in the query.
 */
export class Models extends APIResource {
  /** One model by id or alias. */
  retrieve(
    modelID: string,
    params?: BetaModelRetrieveParams | RequestOptions | null,
    options?: RequestOptions,
  ): APIPromise<ModelInfo> {
    return this.client.get(`/v1/models/${encodeURIComponent(modelID)}`, splitArguments(params, options));
  }

  /** The models, newest first; `for await` walks every page. */
  list(params: BetaModelListParams | null = {}, options?: RequestOptions): PagePromise<ModelInfo> {
    const request = splitHeaderParams(params ?? {}, options);
    return this.client.getAPIList<ModelInfo>("/v1/models", { ...request.options, query: request.params });
  }
}
