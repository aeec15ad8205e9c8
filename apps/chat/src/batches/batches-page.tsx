import type { MessageBatch } from "@colloquy/client";
import { useBatches, useCancelBatch, useDeleteBatch } from "@colloquy/react";
import { BatchTable, ErrorNotice } from "@colloquy/ui";
import { useEffect, useMemo, useState } from "react";
import { navigate } from "../shell/hash-route";
import { BatchCreateForm } from "./batch-create-form";
import { BatchDetail } from "./batch-detail";

/** How often the list is refreshed while a batch is still processing. */
const POLL_MS = 1000;

/** The batches dashboard: create a batch, watch the list's progress, cancel, delete, open results. */
export function BatchesPage({ batchId }: { batchId: string | null }) {
  const list = useBatches({ limit: 20 });
  const cancel = useCancelBatch();
  const remove = useDeleteBatch();
  // A deleted batch cannot come back (the API forgets it and its results): deleting asks first.
  const [confirmDelete, setConfirmDelete] = useState<MessageBatch | null>(null);
  const batches = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const processing = batches.some((batch) => batch.processing_status !== "ended");
  const { refetch } = list;

  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => void refetch(), POLL_MS);
    return () => clearInterval(timer);
  }, [processing, refetch]);

  const pendingIds = useMemo(() => {
    const ids = new Set<string>();
    if (cancel.isPending && cancel.variables) ids.add(cancel.variables);
    if (remove.isPending && remove.variables) ids.add(remove.variables);
    return ids;
  }, [cancel.isPending, cancel.variables, remove.isPending, remove.variables]);

  if (batchId) return <BatchDetail batchId={batchId} />;

  return (
    <div className="batches-page">
      <h1 className="batches-heading">Message batches</h1>
      <BatchCreateForm onCreated={() => void refetch()} />
      <section className="batches-list" aria-labelledby="batches-title">
        <h2 id="batches-title">Batches</h2>
        {list.error ? <ErrorNotice error={list.error} onRetry={() => void refetch()} /> : null}
        {cancel.error ? <ErrorNotice error={cancel.error} onDismiss={() => cancel.reset()} /> : null}
        {remove.error ? <ErrorNotice error={remove.error} onDismiss={() => remove.reset()} /> : null}
        <BatchTable
          batches={batches}
          loading={list.isPending}
          pendingIds={pendingIds}
          caption="Message batches, newest first"
          onSelect={(batch: MessageBatch) => navigate("batches", batch.id)}
          onCancel={(batch: MessageBatch) => cancel.mutate(batch.id)}
          onDelete={(batch: MessageBatch) => setConfirmDelete(batch)}
        />
        {confirmDelete ? (
          <div className="chat-notice" role="alert">
            <span>
              Delete batch <code>{confirmDelete.id}</code> and its results? This cannot be undone.
            </span>
            <button
              type="button"
              onClick={() => {
                remove.mutate(confirmDelete.id);
                setConfirmDelete(null);
              }}
            >
              Delete batch
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirmDelete(null)}>
              Keep it
            </button>
          </div>
        ) : null}
        {list.hasNextPage ? (
          <button type="button" className="button-secondary" onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : null}
      </section>
    </div>
  );
}
