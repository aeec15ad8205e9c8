import type { MessageBranches } from "../conversations/conversation-store";

type Branches<Message> = Record<string, MessageBranches<Message>>;

function split<Message>(branches: Branches<Message>, index: number) {
  const before: Branches<Message> = {};
  const after: Branches<Message> = {};
  for (const [key, value] of Object.entries(branches)) {
    const at = Number(key);
    if (at < index) before[key] = value;
    else if (at > index) after[key] = value;
  }
  return { before, after };
}

/**
 * Records an edit of the user message at `index`: the version shown now (its messages from `index` on,
 * with the branches inside it) is kept, and a new version, the one about to be answered, becomes current.
 */
export function branchForEdit<Message>(
  branches: Branches<Message>,
  messages: readonly Message[],
  index: number,
): Branches<Message> {
  const { before, after } = split(branches, index);
  const record = branches[index] ?? { versions: [{ messages: [], branches: {} }], current: 0 };
  const versions = [...record.versions];
  versions[record.current] = { messages: messages.slice(index), branches: after };
  versions.push({ messages: [], branches: {} });
  return { ...before, [index]: { versions, current: versions.length - 1 } };
}

/**
 * Switches the user message at `index` to another of its versions: the one shown now is saved, and the
 * conversation becomes the messages before `index` followed by the chosen version (its branches restored).
 */
export function switchBranch<Message>(
  branches: Branches<Message>,
  messages: readonly Message[],
  index: number,
  target: number,
): { messages: Message[]; branches: Branches<Message> } | null {
  const record = branches[index];
  const chosen = record?.versions[target];
  if (!record || !chosen || target === record.current) return null;
  const { before, after } = split(branches, index);
  const versions = [...record.versions];
  versions[record.current] = { messages: messages.slice(index), branches: after };
  return {
    messages: [...messages.slice(0, index), ...chosen.messages],
    branches: { ...before, [index]: { versions, current: target }, ...chosen.branches },
  };
}
