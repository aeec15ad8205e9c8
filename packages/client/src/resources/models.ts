import type { APIPromise } from "../api-promise.js";
import type { PagePromise } from "../pagination.js";
import type { RequestOptions } from "../request-options.js";
import type { ModelInfo, ModelListParams } from "../types/index.js";
import { type IDCallParams, splitArguments, withBetas } from "./arguments.js";
import { APIResource } from "./resource.js";

/** `GET /v1/models`: the models this key can use, newest first. */
export class Models extends APIResource {
  /** One model by id or alias. */
  retrieve(
    modelID: string,
    params?: IDCallParams | RequestOptions | null,
    options?: RequestOptions,
  ): APIPromise<ModelInfo> {
    return this.client.get(`/v1/models/${encodeURIComponent(modelID)}`, splitArguments(params, options));
  }

  /** The models, newest first; `for await` walks every page. */
  list(
    query: (ModelListParams & IDCallParams) | null = {},
    options: RequestOptions = {},
  ): PagePromise<ModelInfo> {
    const { betas, ...rest } = query ?? {};
    return this.client.getAPIList<ModelInfo>("/v1/models", withBetas({ ...options, query: rest }, betas));
  }
}
