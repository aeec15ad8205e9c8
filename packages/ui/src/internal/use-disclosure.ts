import { useId } from "react";
import { useControllableState } from "./use-controllable-state.js";

/** A disclosure's open state, its panel's id and what its toggle button needs. */
export interface Disclosure {
  isOpen: boolean;
  setOpen: (open: boolean) => void;
  /** `open` or `closed`, for the root's `data-state`. */
  state: "open" | "closed";
  /** The id the panel must carry, so the toggle's `aria-controls` names it. */
  panelId: string;
  /** Spread on the toggle `<button>`: `aria-expanded`, `aria-controls` and a click that flips the state. */
  toggleProps: { "aria-expanded": boolean; "aria-controls": string; onClick: () => void };
}

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern), open or closed under
 * `open` when it is defined (controlled) and by itself otherwise; `onOpenChange` fires in both modes.
 */
export function useDisclosure(
  open: boolean | undefined,
  defaultOpen: boolean,
  onOpenChange: ((open: boolean) => void) | undefined,
): Disclosure {
  const [isOpen, setOpen] = useControllableState(open, defaultOpen, onOpenChange);
  const panelId = useId();
  return {
    isOpen,
    setOpen,
    state: isOpen ? "open" : "closed",
    panelId,
    toggleProps: { "aria-expanded": isOpen, "aria-controls": panelId, onClick: () => setOpen(!isOpen) },
  };
}
