import { type ReactNode, useId } from "react";

/** A whole number at least `minimum` from a field's text, or `fallback` when the text is not one. */
export function positiveInteger(value: string, fallback: number, minimum = 1): number {
  const number = Math.floor(Number(value));
  return Number.isFinite(number) && number >= minimum ? number : fallback;
}

/**
 * A labelled control in the app's field layout: `children` renders the control, given the id its label
 * points to; `hint` is a line of help under it.
 */
export function Field({
  label,
  hint,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

/** A labelled checkbox in the app's field layout. */
export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** The "Max tokens" field: a whole number of at least 1 (text that is not one keeps the last value). */
export function MaxTokensField({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  return (
    <Field label="Max tokens">
      {(id) => (
        <input
          id={id}
          type="number"
          min={1}
          step={1}
          value={value}
          onChange={(event) => onChange(positiveInteger(event.target.value, value))}
        />
      )}
    </Field>
  );
}
