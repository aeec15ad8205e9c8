import type { MockTriggers } from "./triggers.js";
import type { MessagesRequest } from "./types.js";

/** What the reply generator decided, which tells whether a trigger could apply. */
export interface ReplyDecision {
  /** The tool the reply calls, or null. */
  toolName: string | null;
  /** Whether the reply starts with a thinking block. */
  thinking: boolean;
  /** Whether `tool_choice` forces the tool call, so the reply has no text. */
  forcedCall: boolean;
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

function toolNote(request: MessagesRequest, requested: string | true, chosen: string | null): string | null {
  const entry = requested === true ? "tool" : `tool=${requested}`;
  const offered = request.tools.filter((tool) => tool.input_schema !== undefined).map((tool) => tool.name);
  const choice = request.tool_choice;
  if (requested === true ? chosen !== null : chosen === requested) return null;
  if (offered.length === 0) return `${entry} did not apply: this request offers no tools`;
  if (choice?.type === "none") return `${entry} did not apply: tool_choice is "none"`;
  if (choice?.type === "tool") return `${entry} did not apply: tool_choice forces the tool "${choice.name}"`;
  if (requested !== true && !offered.includes(requested)) {
    return `${entry} did not apply: this request offers no tool named "${requested}" (tools offered: ${quoteList(offered)})`;
  }
  return null;
}

/**
 * Says which triggers of a request could not apply, and why, so a user learns that a trigger did not
 * fire instead of getting an ordinary reply in silence. Each note reads `[mock] ENTRY did not apply:
 * REASON.`; the reply generator puts them before the reply text.
 */
export function triggerNotes(
  request: MessagesRequest,
  triggers: MockTriggers,
  decision: ReplyDecision,
): string[] {
  const notes: string[] = [];
  for (const entry of triggers.unknown ?? []) {
    notes.push(`"${entry}" is not a trigger the mock understands (see triggerDocs)`);
  }
  if (triggers.tool !== undefined) {
    const note = toolNote(request, triggers.tool, decision.toolName);
    if (note) notes.push(note);
  }
  if (decision.forcedCall) {
    if (triggers.words !== undefined)
      notes.push("words did not apply: tool_choice forces a tool call, which has no text");
    if (triggers.reply !== undefined)
      notes.push("reply did not apply: tool_choice forces a tool call, which has no text");
  }
  if (triggers.thinking === true && !decision.thinking) {
    notes.push("thinking did not apply: thinking cannot start a reply whose tool_choice forces a tool");
  }
  if (!request.stream) {
    const streamOnly: Array<[boolean, string]> = [
      [triggers.streamError !== undefined, "stream-error"],
      [triggers.drop === true, "drop"],
      [triggers.delayMs !== undefined, "slow"],
    ];
    for (const [asked, entry] of streamOnly) {
      if (asked) notes.push(`${entry} did not apply: this request is not streaming (send "stream": true)`);
    }
  } else if (triggers.after !== undefined && triggers.streamError === undefined && !triggers.drop) {
    notes.push("after did not apply: it counts events before stream-error or drop, and neither was asked");
  }
  const errorHeaders: Array<[string | undefined, string]> = [
    [triggers.retryAfter, "retry-after"],
    [triggers.retryAfterMs, "retry-after-ms"],
    [triggers.shouldRetry, "should-retry"],
  ];
  if (triggers.error === undefined && triggers.failTimes === undefined) {
    for (const [value, entry] of errorHeaders) {
      if (value !== undefined)
        notes.push(`${entry} did not apply: it sets a header of error= or fail-times=`);
    }
  }
  return notes.map((note) => `[mock] ${note}.`);
}
