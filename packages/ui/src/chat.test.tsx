import { useChat } from "@colloquy/react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { Chat, type ChatProps } from "./chat.js";
import { MockApiProvider } from "./test-mock-provider.js";

const wait = { timeout: 8_000 };

function renderChat(streamDelayMs = 0, props: Partial<ChatProps> = {}) {
  return renderStrict(
    <MockApiProvider streamDelayMs={streamDelayMs}>
      <Chat model="claude-sonnet-4-6" showUsage {...props} />
    </MockApiProvider>,
  );
}

/** Types and presses Enter (`[[` types one literal `[` in user-event). */
async function send(text: string) {
  await userEvent.type(screen.getByRole("textbox", { name: "Message" }), `${text}{Enter}`);
}

const lastArticle = () => screen.getAllByRole("article").at(-1)!;

describe("<Chat>", () => {
  it("sends a message and shows the streamed reply with usage", async () => {
    renderChat();
    await send('Hello [[[[mock: reply="Hi there, friend."]]');
    await waitFor(() => expect(lastArticle()).toHaveTextContent("Hi there, friend."), wait);
    expect(lastArticle()).toHaveAttribute("data-state", "complete");
    expect(screen.getByText("Output").nextSibling).not.toHaveTextContent(/^0$/);
    expect(screen.getByRole("status", { hidden: true })).toBeInTheDocument();
  });

  it("stops a reply, keeps it marked interrupted and returns focus to the textbox", async () => {
    renderChat(20);
    await send("Go on [[[[mock: words=300]]");
    const stop = await screen.findByRole("button", { name: "Stop" }, wait);
    await waitFor(() => expect(lastArticle()).toHaveAttribute("data-role", "assistant"), wait);
    await userEvent.click(stop);
    await screen.findByRole("button", { name: "Send" }, wait);
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
    expect(lastArticle()).toHaveAttribute("data-state", "interrupted");
  });

  it("shows an error with Retry, and Retry resends the turn once", async () => {
    renderChat();
    await send("Hi [[[[mock: error=500 fail-times=1]]");
    const alert = await screen.findByRole("alert", {}, wait);
    expect(alert).toHaveTextContent("InternalServerError");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull(), wait);
    await waitFor(() => expect(lastArticle()).toHaveAttribute("data-state", "complete"), wait);
    expect(screen.getAllByRole("article", { name: "You" })).toHaveLength(1);
  });

  it("asks before running a tool that needs approval and continues once allowed", async () => {
    const run = vi.fn(() => ({ temperature: 18 }));
    renderChat(0, {
      tools: {
        get_weather: {
          input_schema: {
            type: "object",
            properties: { location: { type: "string" } },
            required: ["location"],
          },
          needsApproval: true,
          run,
        },
      },
    });
    await send("Weather in Paris? [[[[mock: tool=get_weather]]");
    const approval = await screen.findByRole("group", { name: /Claude wants to run get_weather/ }, wait);
    expect(run).not.toHaveBeenCalled();
    await userEvent.click(within(approval).getByRole("button", { name: "Allow" }));
    await waitFor(() => expect(run).toHaveBeenCalledTimes(1), wait);
    await waitFor(() => expect(screen.getByRole("button", { name: "Send" })).toBeInTheDocument(), wait);
    expect(screen.queryByRole("group", { name: /Claude wants to run/ })).toBeNull();
  });

  it("shows a tool call as running until its result is in, then as done", async () => {
    let finish: (value: unknown) => void = () => {};
    const run = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    renderChat(0, {
      tools: {
        get_weather: {
          input_schema: { type: "object", properties: { location: { type: "string" } } },
          run,
        },
      },
    });
    await send("Weather in Paris? [[[[mock: tool=get_weather]]");
    await waitFor(() => expect(run).toHaveBeenCalledTimes(1), wait);
    expect(await screen.findByText("Running…", {}, wait)).toBeInTheDocument();
    expect(screen.queryByText("Done")).toBeNull();
    finish({ temperature: 18 });
    await waitFor(() => expect(screen.getByRole("button", { name: "Send" })).toBeInTheDocument(), wait);
    expect(screen.queryByText("Running…")).toBeNull();
    expect(screen.getByText("Done")).toBeInTheDocument();
  });

  it("shows a useChat() the app owns, which the app can change from outside", async () => {
    const seen: number[] = [];
    renderStrict(
      <MockApiProvider streamDelayMs={0}>
        <AppWithOwnChat onMessages={(count) => seen.push(count)} />
      </MockApiProvider>,
    );
    await send('Hello [[[[mock: reply="Hi from the app."]]');
    await waitFor(() => expect(lastArticle()).toHaveTextContent("Hi from the app."), wait);
    expect(seen.at(-1)).toBe(2);
    await userEvent.click(screen.getByRole("button", { name: "Clear" }));
    await waitFor(() => expect(screen.queryAllByRole("article")).toHaveLength(0), wait);
    expect(seen.at(-1)).toBe(0);
  });
});

/** An app that owns its `useChat` and shows it with `<Chat chat>`; reports the messages it sees. */
function AppWithOwnChat({ onMessages }: { onMessages: (count: number) => void }) {
  const chat = useChat({ model: "claude-sonnet-4-6" });
  onMessages(chat.messages.length);
  return (
    <>
      <Chat chat={chat} />
      <button type="button" onClick={() => chat.setMessages([])}>
        Clear
      </button>
    </>
  );
}
