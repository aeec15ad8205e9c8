import type { MessageBatchIndividualResponse } from "@colloquy/client";
import { useBatchResults } from "@colloquy/react";
import { BatchResults, BatchTable, ErrorNotice } from "@colloquy/ui";
import { useMemo } from "react";
import { browserStorage } from "../shell/browser-storage";
import { routeHref } from "../shell/hash-route";
import { loadBatchPrompts } from "./batch-prompts";
import { downloadText, resultsToJsonl } from "./download-jsonl";

/** One batch: its status while it processes, then its results per custom_id and a JSONL download. */
export function BatchDetail({ batchId }: { batchId: string }) {
  const results = useBatchResults(batchId, { pollIntervalMs: 1000, maxPollIntervalMs: 2000 });
  const { batch, data } = results;
  const prompts = useMemo(() => loadBatchPrompts(browserStorage("localStorage"), batchId), [batchId]);

  const rows = useMemo<MessageBatchIndividualResponse[]>(
    () =>
      data?.customIds.flatMap((customId) => {
        const result = data.results[customId];
        return result ? [{ custom_id: customId, result }] : [];
      }) ?? [],
    [data],
  );

  return (
    <section className="batch-detail" aria-labelledby="batch-detail-title">
      <p>
        <a href={routeHref("batches")}>← All batches</a>
      </p>
      <h1 id="batch-detail-title">
        Batch <code>{batchId}</code>
      </h1>
      {batch ? <BatchTable batches={[batch]} caption="Status" /> : null}
      {results.error ? <ErrorNotice error={results.error} onRetry={() => void results.refetch()} /> : null}
      {batch && batch.processing_status !== "ended" ? (
        <p role="status">Results appear here when the batch has ended.</p>
      ) : null}
      {batch?.processing_status === "ended" ? (
        <>
          <div className="batch-detail-actions">
            <button
              type="button"
              disabled={!data?.complete}
              onClick={() =>
                data && downloadText(`${batchId}_results.jsonl`, resultsToJsonl(data.customIds, data.results))
              }
            >
              Download results (JSONL)
            </button>
          </div>
          <BatchResults results={rows} loading={!data?.complete} prompts={prompts} />
        </>
      ) : null}
    </section>
  );
}
