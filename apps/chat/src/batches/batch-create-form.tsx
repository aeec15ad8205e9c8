import type { MessageBatch } from "@colloquy/client";
import { useCreateBatch } from "@colloquy/react";
import { ErrorNotice, ModelPicker } from "@colloquy/ui";
import { type ChangeEvent, type FormEvent, useId, useMemo, useState } from "react";
import { DEFAULT_MODEL } from "../conversations/conversation-store";
import { browserStorage } from "../shell/browser-storage";
import { Field, MaxTokensField } from "../shell/fields";
import { type BatchInputFormat, parseBatchInput } from "./batch-input";
import { saveBatchPrompts } from "./batch-prompts";

const EXAMPLE = [
  "Write a haiku about the sea",
  "Explain recursion to a child",
  "List three uses of a paperclip",
].join("\n");

/** Creates a batch from pasted prompts (one per line) or an uploaded CSV/JSONL file. */
export function BatchCreateForm({ onCreated }: { onCreated?: (batch: MessageBatch) => void }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [format, setFormat] = useState<BatchInputFormat>("auto");
  const [model, setModel] = useState(DEFAULT_MODEL);
  const [maxTokens, setMaxTokens] = useState(256);
  const [system, setSystem] = useState("");
  const create = useCreateBatch();
  const summaryId = useId();

  const parsed = useMemo(
    () =>
      parseBatchInput(
        text,
        { model, max_tokens: maxTokens, system: system.trim() || undefined },
        format,
        fileName,
      ),
    [text, model, maxTokens, system, format, fileName],
  );

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    event.target.value = "";
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed.requests.length === 0 || parsed.errors.length > 0) return;
    create.mutate(
      { requests: parsed.requests },
      {
        onSuccess: (batch) => {
          saveBatchPrompts(browserStorage("localStorage"), batch.id, parsed.requests);
          setText("");
          setFileName(undefined);
          onCreated?.(batch);
        },
      },
    );
  };

  return (
    <form className="batch-form" onSubmit={onSubmit} aria-labelledby="batch-form-title">
      <h2 id="batch-form-title">New batch</h2>
      <Field
        label="Prompts"
        hint={
          <>
            One prompt per line, a CSV with a <code>prompt</code> column (optional <code>custom_id</code>,{" "}
            <code>model</code>, <code>max_tokens</code>, <code>system</code>), or JSONL with{" "}
            <code>prompt</code> or full <code>params</code> per line.
          </>
        }
      >
        {(id) => (
          <textarea
            id={id}
            rows={8}
            value={text}
            placeholder={EXAMPLE}
            aria-describedby={summaryId}
            onChange={(event) => {
              setText(event.target.value);
              setFileName(undefined);
            }}
          />
        )}
      </Field>
      <div className="batch-form-row">
        <Field label="Upload a CSV or JSONL file">
          {(id) => (
            <input id={id} type="file" accept=".csv,.jsonl,.ndjson,.json,.txt,text/csv" onChange={onFile} />
          )}
        </Field>
        <Field label="Format">
          {(id) => (
            <select
              id={id}
              value={format}
              onChange={(event) => setFormat(event.target.value as BatchInputFormat)}
            >
              <option value="auto">Detect</option>
              <option value="lines">One prompt per line</option>
              <option value="csv">CSV</option>
              <option value="jsonl">JSONL</option>
            </select>
          )}
        </Field>
      </div>
      <div className="batch-form-row">
        <ModelPicker value={model} onValueChange={setModel} label="Model" />
        <MaxTokensField value={maxTokens} onChange={setMaxTokens} />
      </div>
      <Field label="System prompt (optional)">
        {(id) => (
          <input id={id} type="text" value={system} onChange={(event) => setSystem(event.target.value)} />
        )}
      </Field>

      <p id={summaryId} className="batch-form-summary" aria-live="polite">
        {text.trim() === ""
          ? "Paste prompts or upload a file."
          : `${parsed.requests.length} request${parsed.requests.length === 1 ? "" : "s"} read as ${parsed.format.toUpperCase()}${fileName ? ` from ${fileName}` : ""}.`}
      </p>
      {parsed.errors.length > 0 ? (
        <ul className="batch-form-errors" aria-label="Problems in the input">
          {parsed.errors.slice(0, 10).map((error) => (
            <li key={`${error.line}:${error.message}`}>
              Line {error.line}: {error.message}
            </li>
          ))}
          {parsed.errors.length > 10 ? <li>…and {parsed.errors.length - 10} more</li> : null}
        </ul>
      ) : null}
      {create.error ? <ErrorNotice error={create.error} onDismiss={() => create.reset()} /> : null}
      <button
        type="submit"
        disabled={create.isPending || parsed.requests.length === 0 || parsed.errors.length > 0}
      >
        {create.isPending ? "Creating…" : "Create batch"}
      </button>
    </form>
  );
}
