import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";
import { JsonView } from "./internal/json-view.js";

/** A tool call waiting for a human decision (the shape of `useChat().pendingToolCalls`). */
export interface PendingToolCallLike {
  id: string;
  name: string;
  input: unknown;
}

export interface ToolApprovalProps extends Omit<ComponentPropsWithoutRef<"fieldset">, "children"> {
  call: PendingToolCallLike;
  onApprove: (id: string) => void;
  onDeny: (id: string) => void;
}

/** Asks the user whether Claude may run a tool, showing the call's input. */
export const ToolApproval = forwardRef<HTMLFieldSetElement, ToolApprovalProps>(function ToolApproval(
  { call, onApprove, onDeny, className, ...props },
  ref,
) {
  return (
    <fieldset
      ref={ref}
      className={cx("cq-notice", "cq-tool-approval", className)}
      data-tone="warning"
      data-state="pending"
      {...props}
    >
      <legend>
        Claude wants to run <code>{call.name}</code>
      </legend>
      <JsonView value={call.input ?? {}} label={`Input of ${call.name}`} />
      <div className="cq-error-actions">
        <button type="button" className="cq-button" onClick={() => onApprove(call.id)}>
          Allow
        </button>
        <button type="button" className="cq-button" data-variant="danger" onClick={() => onDeny(call.id)}>
          Deny
        </button>
      </div>
    </fieldset>
  );
});
