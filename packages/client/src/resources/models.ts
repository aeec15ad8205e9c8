import type { APIPromise } from "../api-promise.js";
import type { PagePromise } from "../pagination.js";
import type { RequestOptions } from "../request-options.js";
import type { ModelInfo, ModelListParams } from "../types/index.js";
import { APIResource } from "./resource.js";

/** `GET /v1/models`: the models this key can use, newest first. */
export class Models extends APIResource {
  /** One model by id or alias. */
  retrieve(modelID: string, options?: RequestOptions): APIPromise<ModelInfo> {
    return this.client.get(`/v1/models/${encodeURIComponent(modelID)}`, options);
  }

  /** The models, newest first; `for await` walks every page. */
  list(query: ModelListParams = {}, options?: RequestOptions): PagePromise<ModelInfo> {
    return this.client.getAPIList<ModelInfo>("/v1/models", { ...options, query: { ...query } });
  }
}
