/** Broad error category in `error.type`; open so new categories still type-check. */
export type ErrorType =
  | (string & {})
  | "invalid_request_error"
  | "authentication_error"
  | "billing_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "request_too_large"
  | "rate_limit_error"
  | "api_error"
  | "timeout_error"
  | "overloaded_error"
  | "memory_precondition_failed_error"
  | "memory_path_conflict_error";

/** Machine-readable extra detail of an error; `error_code` is stable, other fields depend on it. */
export interface ErrorDetails {
  /** Stable code such as `image_dimensions_too_large`; unknown codes must be treated as the bare `type`. */
  error_code: string;
  /** Code-specific fields (e.g. `max_side_length_pixels`, `paths`, `appeal_url`). */
  [field: string]: unknown;
}

/** The inner `error` object of an error body. */
export interface ErrorObject {
  /** Broad category of the failure. */
  type: ErrorType;
  /** Human-readable explanation; its wording is not stable. */
  message: string;
  /** Optional structured detail carrying a stable `error_code`. */
  details?: ErrorDetails | null;
}

/** Body of every non-2xx JSON response and of the SSE `error` event. */
export interface ErrorResponse {
  type: "error";
  /** What went wrong. */
  error: ErrorObject;
  /** Same value as the `request-id` header; may be absent in SSE `error` events. */
  request_id?: string | null;
}
