import { isRetryableError, retryDelayFromHeaders } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef, useState } from "react";
import { cx } from "./internal/class-names.js";
import { formatDuration } from "./internal/format.js";
import { useNow } from "./internal/use-now.js";

export interface ErrorNoticeProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Any thrown value; `APIError`s show their class, status, type and `request-id`. */
  error: unknown;
  /** Called by the Retry button, which shows when this is given and the error is `retryable`. */
  onRetry?: (() => void) | undefined;
  /**
   * Whether trying again could help, i.e. whether Retry is offered.
   * @default isRetryableError(error) — the client's rule: connection failures, timeouts, and API errors
   * the client itself would retry (`x-should-retry`, then 408, 409, 429, 5xx).
   */
  retryable?: boolean | undefined;
  /** Called by the Dismiss button, which shows whenever this is given (whatever the error). */
  onDismiss?: (() => void) | undefined;
  /** Overrides the wait read from the `retry-after-ms` / `retry-after` headers. */
  retryAfterMs?: number | null | undefined;
  /** Fixed current time in ms (stories, tests); the countdown then does not tick. */
  now?: number;
}

interface ErrorFields {
  name: string;
  message: string;
  status?: number | undefined;
  type?: string | undefined;
  requestID?: string | null | undefined;
  headers?: Headers | undefined;
}

const titles: Record<string, string> = {
  RateLimitError: "Rate limited",
  OverloadedError: "Claude is overloaded",
  AuthenticationError: "Authentication failed",
  PermissionDeniedError: "Permission denied",
  BillingError: "Billing problem",
  NotFoundError: "Not found",
  BadRequestError: "Invalid request",
  RequestTooLargeError: "Request too large",
  InternalServerError: "Server error",
  GatewayTimeoutError: "The API timed out",
  APIConnectionError: "Connection failed",
  APIConnectionTimeoutError: "Request timed out",
  StreamTruncatedError: "The reply was cut off",
  APIUserAbortError: "Stopped",
};

/**
 * The wait the server asked for before a retry, read from an error's headers by the client's own rule
 * (`retryDelayFromHeaders`: `retry-after-ms`, then `retry-after` in seconds or as an HTTP date; zero,
 * negative, past and absurd delays count as none), so the countdown equals the client's wait.
 * `null` when the error has no headers or they ask for no wait.
 */
export function retryAfterFromError(error: unknown, now = Date.now()): number | null {
  const headers = (error as { headers?: unknown } | null)?.headers;
  if (!(headers instanceof Headers)) return null;
  return retryDelayFromHeaders(headers, () => now) ?? null;
}

function fieldsOf(error: unknown): ErrorFields {
  if (error instanceof Error) {
    const fields = error as Error & Partial<ErrorFields>;
    return {
      name: fields.name || "Error",
      message: fields.message,
      status: typeof fields.status === "number" ? fields.status : undefined,
      type: typeof fields.type === "string" ? fields.type : undefined,
      requestID: typeof fields.requestID === "string" ? fields.requestID : undefined,
    };
  }
  return { name: "Error", message: typeof error === "string" ? error : "Something went wrong." };
}

/**
 * Shows what failed: the error class, its message, status and type, the `request-id` to quote to
 * support, a countdown from the retry headers (the client's `retryDelayFromHeaders`), and a Retry
 * button when the error is one worth retrying (the client's `isRetryableError`).
 */
export const ErrorNotice = forwardRef<HTMLDivElement, ErrorNoticeProps>(function ErrorNotice(
  { error, onRetry, retryable, onDismiss, retryAfterMs, now, className, ...props },
  ref,
) {
  const fields = fieldsOf(error);
  const [shownAt] = useState(() => now ?? Date.now());
  const wait = retryAfterMs !== undefined ? retryAfterMs : retryAfterFromError(error, shownAt);
  const deadline = wait !== null ? shownAt + wait : null;
  const current = useNow(deadline !== null, now);
  const remaining = deadline !== null ? Math.max(0, deadline - current) : 0;
  const waiting = remaining > 0;
  const offersRetry = onRetry !== undefined && (retryable ?? isRetryableError(error));
  const title = titles[fields.name] ?? (fields.status ? `Error ${fields.status}` : "Something went wrong");
  return (
    <div
      ref={ref}
      role="alert"
      className={cx("cq-notice", "cq-error-notice", className)}
      data-tone="danger"
      data-state={waiting ? "waiting" : "ready"}
      data-error={fields.name}
      {...props}
    >
      <p className="cq-error-title">
        <strong>{title}</strong> <code className="cq-error-class">{fields.name}</code>
        {fields.status !== undefined ? <span className="cq-muted"> · HTTP {fields.status}</span> : null}
        {fields.type ? <span className="cq-muted"> · {fields.type}</span> : null}
      </p>
      <p className="cq-error-message">{fields.message}</p>
      {fields.requestID ? (
        <p className="cq-error-request-id cq-muted">
          Request ID: <code>{fields.requestID}</code>
        </p>
      ) : null}
      <div className="cq-error-actions">
        {waiting ? (
          <span className="cq-error-countdown" role="timer" aria-live="off">
            Retry available in {formatDuration(remaining)}
          </span>
        ) : null}
        {offersRetry ? (
          <button type="button" className="cq-button" onClick={onRetry}>
            Retry
          </button>
        ) : null}
        {onDismiss ? (
          <button type="button" className="cq-button" onClick={onDismiss}>
            Dismiss
          </button>
        ) : null}
      </div>
    </div>
  );
});
