import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { BatchTable, batchProgress } from "./batch-table.js";
import { batches, fixedNow } from "./test-fixtures.js";

describe("<BatchTable>", () => {
  it("shows one row per batch with its status, progress and expiry", () => {
    renderStrict(<BatchTable batches={batches} now={fixedNow} />);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("In progress");
    expect(rows[0]).toHaveTextContent("in 23 h");
    expect(rows[1]).toHaveTextContent("Canceling");
    expect(rows[2]).toHaveTextContent("Ended");
    expect(rows[2]).toHaveTextContent("2 succeeded · 1 errored · 1 expired");
    const progress = within(rows[2]!).getByRole("progressbar", { name: `Progress of ${batches[2]!.id}` });
    expect(progress).toHaveAttribute("value", "4");
    expect(progress).toHaveAttribute("max", "4");
  });

  it("offers Cancel only in progress and Delete and Results only when ended", async () => {
    const actions = { onCancel: vi.fn(), onDelete: vi.fn(), onSelect: vi.fn() };
    renderStrict(<BatchTable batches={batches} now={fixedNow} {...actions} />);
    expect(screen.getAllByRole("button", { name: /^Cancel/ })).toHaveLength(1);
    expect(screen.getAllByRole("button", { name: /^Delete/ })).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: `Cancel ${batches[0]!.id}` }));
    await userEvent.click(screen.getByRole("button", { name: `Delete ${batches[2]!.id}` }));
    await userEvent.click(screen.getByRole("button", { name: `Results of ${batches[2]!.id}` }));
    expect(actions.onCancel).toHaveBeenCalledWith(batches[0]);
    expect(actions.onDelete).toHaveBeenCalledWith(batches[2]);
    expect(actions.onSelect).toHaveBeenCalledWith(batches[2]);
  });

  it("disables Cancel and Delete of a batch with a request in flight, not its Results", () => {
    renderStrict(
      <BatchTable
        batches={batches}
        now={fixedNow}
        onCancel={vi.fn()}
        onDelete={vi.fn()}
        onSelect={vi.fn()}
        pendingIds={new Set([batches[0]!.id, batches[2]!.id])}
      />,
    );
    expect(screen.getByRole("button", { name: `Cancel ${batches[0]!.id}` })).toBeDisabled();
    expect(screen.getByRole("button", { name: `Delete ${batches[2]!.id}` })).toBeDisabled();
    expect(screen.getByRole("button", { name: `Results of ${batches[2]!.id}` })).toBeEnabled();
  });

  it("shows empty and loading states", () => {
    const { container, rerender } = renderStrict(<BatchTable batches={[]} />);
    expect(screen.getByText("No batches yet.")).toBeInTheDocument();
    expect(container.firstChild).toHaveAttribute("data-state", "empty");
    rerender(<BatchTable batches={[]} loading />);
    expect(screen.getByText("Loading batches…")).toBeInTheDocument();
  });
});

describe("batchProgress", () => {
  it("counts every finished request against the total", () => {
    expect(batchProgress(batches[0]!)).toEqual({ done: 0, total: 100 });
    expect(batchProgress(batches[2]!)).toEqual({ done: 4, total: 4 });
  });
});
