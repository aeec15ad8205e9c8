import type { MessageBatch } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";
import { formatDuration, formatTimestamp } from "./internal/format.js";
import { useNow } from "./internal/use-now.js";

export interface BatchTableProps extends Omit<ComponentPropsWithoutRef<"div">, "children" | "onSelect"> {
  batches: readonly MessageBatch[];
  /** Shows Cancel on batches in progress. */
  onCancel?: ((batch: MessageBatch) => void) | undefined;
  /** Shows Delete on ended batches. */
  onDelete?: ((batch: MessageBatch) => void) | undefined;
  /** Shows "Results" on ended batches. */
  onSelect?: ((batch: MessageBatch) => void) | undefined;
  /** Ids of batches with an action in flight; their buttons are disabled. */
  pendingIds?: ReadonlySet<string> | undefined;
  /** @default false */
  loading?: boolean;
  /** Fixed current time in ms (stories, tests); otherwise expiry countdowns tick every second. */
  now?: number;
  /** @default "Message batches" */
  caption?: string;
}

const statusLabel: Record<MessageBatch["processing_status"], { text: string; tone: string }> = {
  in_progress: { text: "In progress", tone: "info" },
  canceling: { text: "Canceling", tone: "warning" },
  ended: { text: "Ended", tone: "success" },
};

/** Finished vs total requests; every request counts as `processing` until the whole batch ends. */
export function batchProgress(batch: MessageBatch): { done: number; total: number } {
  const counts = batch.request_counts;
  const total = counts.processing + counts.succeeded + counts.errored + counts.canceled + counts.expired;
  return { done: total - counts.processing, total };
}

/** Batches with a status badge, a progress bar from `request_counts`, expiry countdown and actions. */
export const BatchTable = forwardRef<HTMLDivElement, BatchTableProps>(function BatchTable(
  {
    batches,
    onCancel,
    onDelete,
    onSelect,
    pendingIds,
    loading = false,
    now,
    caption = "Message batches",
    className,
    ...props
  },
  ref,
) {
  const anyRunning = batches.some((batch) => batch.processing_status !== "ended");
  const current = useNow(anyRunning, now);
  const hasActions = onCancel !== undefined || onDelete !== undefined || onSelect !== undefined;
  return (
    <div
      ref={ref}
      className={cx("cq-table-wrap", "cq-batch-table", className)}
      data-state={loading ? "loading" : batches.length === 0 ? "empty" : "ready"}
      {...props}
    >
      <table className="cq-table" aria-busy={loading || undefined}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Results</th>
            <th scope="col">Expires</th>
            {hasActions ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {batches.length === 0 ? (
            <tr>
              <td colSpan={hasActions ? 6 : 5} className="cq-table-empty">
                {loading ? "Loading batches…" : "No batches yet."}
              </td>
            </tr>
          ) : (
            batches.map((batch) => {
              const { done, total } = batchProgress(batch);
              const status = statusLabel[batch.processing_status];
              const counts = batch.request_counts;
              const pending = pendingIds?.has(batch.id) ?? false;
              const ended = batch.processing_status === "ended";
              const expiresIn = Date.parse(batch.expires_at) - current;
              return (
                <tr key={batch.id} data-state={batch.processing_status}>
                  <th scope="row">
                    <code className="cq-batch-id">{batch.id}</code>
                    <div className="cq-muted">{formatTimestamp(batch.created_at)}</div>
                  </th>
                  <td data-label="Status">
                    <span className="cq-badge" data-tone={status.tone}>
                      {status.text}
                    </span>
                  </td>
                  <td data-label="Progress">
                    <progress
                      className="cq-progress"
                      max={Math.max(total, 1)}
                      value={done}
                      aria-label={`Progress of ${batch.id}`}
                    />
                    <div className="cq-muted">
                      {done} / {total}
                    </div>
                  </td>
                  <td className="cq-batch-counts" data-label="Results">
                    {counts.succeeded} succeeded · {counts.errored} errored
                    {counts.canceled > 0 ? ` · ${counts.canceled} canceled` : ""}
                    {counts.expired > 0 ? ` · ${counts.expired} expired` : ""}
                  </td>
                  <td data-label="Expires">
                    {ended ? (
                      <span className="cq-muted">Ended {formatTimestamp(batch.ended_at)}</span>
                    ) : expiresIn > 0 ? (
                      <span>in {formatDuration(expiresIn)}</span>
                    ) : (
                      <span className="cq-muted">Expiring</span>
                    )}
                  </td>
                  {hasActions ? (
                    <td data-label="Actions">
                      <div className="cq-batch-actions">
                        {rowActions(batch, { onSelect, onCancel, onDelete }).map((action) => (
                          <button
                            key={action.text}
                            type="button"
                            className="cq-button"
                            data-variant={action.danger ? "danger" : undefined}
                            disabled={action.danger && pending}
                            onClick={() => action.run(batch)}
                            aria-label={action.name}
                          >
                            {action.text}
                          </button>
                        ))}
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
});

/** A button of a batch's row. */
interface RowAction {
  text: string;
  /** The accessible name: it names the batch, since every row has the same buttons. */
  name: string;
  /** A destructive action: styled as such, and disabled while an action on the batch is in flight. */
  danger: boolean;
  run: (batch: MessageBatch) => void;
}

/** The buttons of a batch's row: Results and Delete once it ended, Cancel while it is in progress. */
function rowActions(
  batch: MessageBatch,
  { onSelect, onCancel, onDelete }: Pick<BatchTableProps, "onSelect" | "onCancel" | "onDelete">,
): RowAction[] {
  const ended = batch.processing_status === "ended";
  const actions: RowAction[] = [];
  if (onSelect && ended) {
    actions.push({ text: "Results", name: `Results of ${batch.id}`, danger: false, run: onSelect });
  }
  if (onCancel && batch.processing_status === "in_progress") {
    actions.push({ text: "Cancel", name: `Cancel ${batch.id}`, danger: true, run: onCancel });
  }
  if (onDelete && ended) {
    actions.push({ text: "Delete", name: `Delete ${batch.id}`, danger: true, run: onDelete });
  }
  return actions;
}
