import { invalidRequest, jsonResponse, MockApiError } from "../errors.js";
import { findModel, toModelInfo } from "../models-catalog.js";
import { paginate } from "../pagination.js";
import type { MockState, RouteContext } from "../route-context.js";

const lifecycles = ["active", "deprecated", "retired"];

/** `GET /v1/models`: newest first, paginated; `lifecycle[]` filters (default: active and deprecated). */
export function listModels(state: MockState, context: RouteContext): Response {
  const query = context.url.searchParams;
  const requested = [...query.getAll("lifecycle[]"), ...query.getAll("lifecycle")];
  if (requested.length > 3) throw invalidRequest("lifecycle: List should have at most 3 items");
  for (const value of requested) {
    if (!lifecycles.includes(value)) {
      throw invalidRequest(`lifecycle: Input should be 'active', 'deprecated' or 'retired', got '${value}'`);
    }
  }
  const wanted = requested.length > 0 ? requested : ["active", "deprecated"];
  const models = state.catalog.filter((model) => wanted.includes(model.lifecycle)).map(toModelInfo);
  return jsonResponse(paginate(models, query));
}

/** `GET /v1/models/{model_id}`: by id or alias. */
export function retrieveModel(state: MockState, context: RouteContext): Response {
  const id = context.params.id ?? "";
  const model = findModel(state.catalog, id);
  if (!model) throw new MockApiError("not_found_error", `model: ${id}`);
  return jsonResponse(toModelInfo(model));
}
