// `@colloquy/client/resources/beta/models`, as the official SDK's path of that name: the Models resource,
// `BetaModelInfo` and the beta params under their unprefixed names (with `betas`).
export type {
  BetaModelInfo,
  BetaModelListParams as ModelListParams,
  BetaModelRetrieveParams as ModelRetrieveParams,
} from "../../types/beta.js";
export { Models } from "../models.js";
