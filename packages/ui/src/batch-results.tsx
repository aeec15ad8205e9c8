import { type MessageBatchIndividualResponse, type MessageBatchResult, messageText } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef, useId, useMemo, useState } from "react";
import { cx } from "./internal/class-names.js";
import { formatCount } from "./internal/format.js";
import { useControllableState } from "./internal/use-controllable-state.js";

/** Which results are shown. */
export type BatchResultFilter = "all" | MessageBatchResult["type"];

export interface BatchResultsProps extends Omit<ComponentPropsWithoutRef<"div">, "children" | "results"> {
  results: readonly MessageBatchIndividualResponse[];
  /** The filter (controlled). */
  filter?: BatchResultFilter;
  /** @default "all" */
  defaultFilter?: BatchResultFilter;
  onFilterChange?: (filter: BatchResultFilter) => void;
  /** @default false */
  loading?: boolean;
  /** Characters of a reply shown in the table; a longer reply gets a "Show all" toggle. @default 160 */
  previewLength?: number;
  /** The prompt of each request by `custom_id` (results do not carry it), shown under the id. */
  prompts?: Readonly<Record<string, string>> | undefined;
}

const filters: BatchResultFilter[] = ["all", "succeeded", "errored", "canceled", "expired"];
const tones: Record<MessageBatchResult["type"], string> = {
  succeeded: "success",
  errored: "danger",
  canceled: "warning",
  expired: "neutral",
};

function summary(result: MessageBatchResult, previewLength: number, expanded = false): string {
  switch (result.type) {
    case "succeeded": {
      const text = messageText(result.message).trim();
      return text.length > previewLength && !expanded
        ? `${text.slice(0, previewLength)}…`
        : text || "(no text)";
    }
    case "errored":
      return `${result.error.error.type}: ${result.error.error.message}`;
    case "canceled":
      return "Canceled before it ran.";
    case "expired":
      return "Expired before it ran.";
  }
}

/** A batch's results, one row per `custom_id`, filterable by result type. */
export const BatchResults = forwardRef<HTMLDivElement, BatchResultsProps>(function BatchResults(
  {
    results,
    filter,
    defaultFilter = "all",
    onFilterChange,
    loading = false,
    previewLength = 160,
    prompts,
    className,
    ...props
  },
  ref,
) {
  const [current, setFilter] = useControllableState(filter, defaultFilter, onFilterChange);
  const name = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (customId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(customId)) next.add(customId);
      return next;
    });
  const counts = useMemo(() => {
    const tally: Record<BatchResultFilter, number> = {
      all: results.length,
      succeeded: 0,
      errored: 0,
      canceled: 0,
      expired: 0,
    };
    for (const entry of results) tally[entry.result.type] += 1;
    return tally;
  }, [results]);
  const shown = useMemo(
    () =>
      [...results]
        .filter((entry) => current === "all" || entry.result.type === current)
        .sort((left, right) => left.custom_id.localeCompare(right.custom_id, undefined, { numeric: true })),
    [results, current],
  );
  return (
    <div
      ref={ref}
      className={cx("cq-batch-results", className)}
      data-state={loading ? "loading" : results.length === 0 ? "empty" : "ready"}
      data-filter={current}
      {...props}
    >
      <fieldset className="cq-segmented">
        <legend>Show</legend>
        {filters.map((option) => (
          <label key={option} data-state={option === current ? "checked" : "unchecked"}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === current}
              onChange={() => setFilter(option)}
            />
            {option === "all" ? "All" : option[0]!.toUpperCase() + option.slice(1)} ({counts[option]})
          </label>
        ))}
      </fieldset>
      <div className="cq-table-wrap">
        <table className="cq-table" aria-busy={loading || undefined}>
          <caption className="cq-visually-hidden">Batch results</caption>
          <thead>
            <tr>
              <th scope="col">Custom ID</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
              <th scope="col">Tokens (in / out)</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={4} className="cq-table-empty">
                  {loading
                    ? "Loading results…"
                    : results.length === 0
                      ? "No results yet."
                      : "No results match this filter."}
                </td>
              </tr>
            ) : (
              shown.map((entry) => {
                const open = expanded.has(entry.custom_id);
                const long =
                  entry.result.type === "succeeded" &&
                  messageText(entry.result.message).trim().length > previewLength;
                const prompt = prompts?.[entry.custom_id];
                return (
                  <tr key={entry.custom_id} data-state={entry.result.type}>
                    <th scope="row">
                      <code>{entry.custom_id}</code>
                      {prompt ? <div className="cq-batch-result-prompt">{prompt}</div> : null}
                    </th>
                    <td data-label="Result">
                      <span className="cq-badge" data-tone={tones[entry.result.type]}>
                        {entry.result.type}
                      </span>
                    </td>
                    <td className="cq-batch-result-summary" data-label="Details">
                      <div id={`${name}-${entry.custom_id}`} data-expanded={open}>
                        {summary(entry.result, previewLength, open)}
                      </div>
                      {long ? (
                        <button
                          type="button"
                          className="cq-button cq-batch-result-toggle"
                          aria-expanded={open}
                          aria-controls={`${name}-${entry.custom_id}`}
                          aria-label={`${open ? "Show less" : "Show all"} of ${entry.custom_id}`}
                          onClick={() => toggle(entry.custom_id)}
                        >
                          {open ? "Show less" : "Show all"}
                        </button>
                      ) : null}
                    </td>
                    <td data-label="Tokens (in / out)">
                      {entry.result.type === "succeeded"
                        ? `${formatCount(entry.result.message.usage.input_tokens)} / ${formatCount(entry.result.message.usage.output_tokens)}`
                        : "—"}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
});
