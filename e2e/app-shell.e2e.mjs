// Browser tests of the app's smaller behaviours: conversation housekeeping, Help, the skip link, one
// notice on Stop, and direct mode without a key (see e2e/run.mjs).
import {
  BOTH_VIEWPORTS,
  check,
  checkNoAxeViolations,
  openConversationSettings,
  openConversations,
  screenshotPath,
  shownText,
} from "./app-harness.mjs";

const composer = (page) => page.getByRole("textbox", { name: "Message" });
const conversationList = (page) => openConversations(page);
const isFocused = (locator) => locator.evaluate((element) => element === document.activeElement);

async function openChat(page) {
  await page.goto("/#/chat");
  await composer(page).waitFor();
}

async function chat(page, text) {
  await composer(page).fill(text);
  await composer(page).press("Enter");
  await page.locator(".chat-status", { hasText: "Done" }).waitFor();
}

// Every test runs at 1280×800 and at 390×844 (where the list and settings are drawers).
export const tests = [
  {
    name: "shell: New conversation reuses the empty one and puts the focus in the message box",
    async run({ page }) {
      await openChat(page);
      // At phone size the list is a drawer that may close after a click: reopen it for each click.
      const newButton = {
        click: async () =>
          (await openConversations(page))
            .getByRole("button", { name: "New conversation", exact: true })
            .click(),
      };
      // The focus is checked before looking at the list (at phone size, opening it moves the focus).
      const entries = async () => (await conversationList(page)).locator("li").count();
      await newButton.click();
      await newButton.click();
      check(await isFocused(composer(page)), "the message box should have the focus after New conversation");
      check((await entries()) === 1, `clicking New twice should keep one entry, got ${await entries()}`);
      await chat(page, '[[mock: reply="Sure"]] Something to keep');
      await newButton.click();
      await newButton.click();
      check(await isFocused(composer(page)), "the message box should have the focus again");
      check((await entries()) === 2, `expected the kept one and one new entry, got ${await entries()}`);
    },
  },
  {
    name: "shell: a deleted conversation comes back with Undo",
    async run({ page }) {
      await openChat(page);
      await chat(page, '[[mock: reply="Noted"]] Precious notes');
      await (await conversationList(page))
        .getByRole("button", { name: "Delete conversation: Precious notes" })
        .click();
      const notice = page.getByRole("status").filter({ hasText: "Deleted “Precious notes”" });
      await notice.waitFor();
      await checkNoAxeViolations(page, "the Deleted notice with Undo");
      await page.screenshot({ path: screenshotPath(`chat-deleted-undo-${page.viewportSize().width}`) });
      check(
        (await (await conversationList(page)).getByRole("button", { name: /^Precious notes/ }).count()) === 0,
        "the conversation should be gone from the list",
      );
      await notice.getByRole("button", { name: "Undo" }).click();
      await (await conversationList(page)).getByRole("button", { name: /^Precious notes/ }).waitFor();
      await page.locator('article.cq-message[data-role="assistant"]', { hasText: "Noted" }).waitFor();
      await page.reload();
      await (await conversationList(page)).getByRole("button", { name: /^Precious notes/ }).waitFor();
    },
  },
  {
    name: "shell: Help comes first in tab order, takes the focus, lists tools and shortcuts, and Escape closes it",
    async run({ page }) {
      await openChat(page);
      const help = page.getByRole("button", { name: "Help", exact: true });
      await help.click();
      const panel = page.getByRole("complementary", { name: "Mock API triggers" });
      await panel.waitFor();
      check(await isFocused(panel.getByRole("button", { name: "Close" })), "Help should take the focus");
      const tools = await shownText(panel.getByRole("definition").first().locator(".."));
      check(tools.includes("calculator"), `Help should list the calculator first: ${tools}`);
      const text = await shownText(panel);
      for (const expected of ["get_time", "[[mock: tool=get_time]]", "Escape", "Enter"]) {
        check(text.includes(expected), `Help should mention ${expected}`);
      }
      // Help comes right after the header, before the page, in the document and so in tab order.
      const helpFirst = await page.evaluate(() => {
        const panelElement = document.getElementById("help-panel");
        const main = document.getElementById("main");
        return Boolean(
          panelElement &&
            main &&
            panelElement.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
      });
      check(helpFirst, "Help should come before the page in the document");
      await page.keyboard.press("Escape");
      await panel.waitFor({ state: "detached" });
      check(await isFocused(help), "the focus should return to the Help button");
    },
  },
  {
    name: "shell: the skip link is the first stop and moves the focus to the page",
    async run({ page }) {
      await openChat(page);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("button", { name: "Skip to content" });
      check(await isFocused(skip), "the first Tab should reach the skip link");
      check(await skip.isVisible(), "the focused skip link should be visible");
      await page.keyboard.press("Enter");
      check(
        await page.evaluate(() => document.activeElement?.id === "main"),
        "the skip link should focus the page's content",
      );
      for (const [hash, name] of [
        ["#/chat", "New conversation"],
        ["#/batches", "Message batches"],
        ["#/settings", "Settings"],
      ]) {
        await page.goto(`/${hash}`);
        const h1 = page.getByRole("heading", { level: 1 });
        await h1.first().waitFor();
        check((await h1.count()) === 1, `${hash} should have one h1, has ${await h1.count()}`);
        check((await shownText(h1)).includes(name), `${hash}'s h1 should name it: ${await shownText(h1)}`);
      }
    },
  },
  {
    name: "shell: stopping a reply shows one notice, not two",
    async run({ page }) {
      await openChat(page);
      await composer(page).fill("[[mock: words=600 slow=30]] A long one");
      await composer(page).press("Enter");
      await page.locator('article.cq-message[data-role="assistant"] .cq-text-block').waitFor();
      await page.getByRole("button", { name: "Stop" }).click();
      await page.locator(".chat-status", { hasText: "Stopped" }).waitFor();
      const notices = page.locator("p:visible").filter({ hasText: /stopped|interrupted/i });
      check(
        (await notices.count()) === 1,
        `expected one visible notice, got: ${await notices.allInnerTexts()}`,
      );
    },
  },
  {
    name: "shell: direct mode without a key disables Send and asks for the key",
    async run({ page, mockUrl }) {
      await page.goto("/#/settings");
      await page.getByLabel(/^Direct from the browser/).check();
      await page.getByLabel("API base URL").fill(mockUrl);
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("Saved.").waitFor();
      await page.goto("/#/chat");
      const ask = page.getByRole("note").filter({ hasText: "needs your API key" });
      await ask.waitFor();
      check(
        (await ask.getByRole("link", { name: "type it in Settings" }).count()) === 1,
        "a link to Settings",
      );
      check(await page.getByRole("button", { name: "Send" }).isDisabled(), "Send should be disabled");
      await checkNoAxeViolations(page, "the chat in direct mode without a key");
      await page.screenshot({ path: screenshotPath(`page-chat-direct-no-key-${page.viewportSize().width}`) });
    },
  },
  {
    name: "shell: each message has a Copy button that copies its text and says Copied",
    async run({ page, context, baseURL }) {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
      await openChat(page);
      await chat(page, '[[mock: reply="Copy **me** exactly"]] Question to copy');
      const reply = page.locator('article.cq-message[data-role="assistant"]').last();
      await reply.getByRole("button", { name: "Copy message" }).click();
      await reply.getByRole("button", { name: "Copied" }).waitFor();
      await reply
        .getByRole("status")
        .filter({ hasText: "Copied the message" })
        .waitFor({ state: "attached" });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      check(copied === "Copy **me** exactly", `the clipboard holds: ${copied}`);
      const question = page.locator('article.cq-message[data-role="user"]').last();
      await question.getByRole("button", { name: "Copy message" }).click();
      const copiedQuestion = await page.evaluate(() => navigator.clipboard.readText());
      check(copiedQuestion.endsWith("Question to copy"), `the clipboard holds: ${copiedQuestion}`);
    },
  },
  {
    name: "shell: starter prompts on an empty conversation run a tool, thinking and markdown",
    async run({ page }) {
      await openChat(page);
      const starters = page.getByRole("list", { name: "Starter prompts" });
      await starters.getByRole("button", { name: "Use a tool: the calculator" }).click();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const tool = page.locator(".cq-message", { hasText: "84" });
      check((await tool.count()) > 0, "the calculator's result (84) should be in the thread");

      await (await openConversations(page))
        .getByRole("button", { name: "New conversation", exact: true })
        .click();
      await starters.getByRole("button", { name: "Think before answering" }).click();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await page.locator(".cq-thinking-block, [data-block='thinking']").first().waitFor();
      check(
        await (await openConversationSettings(page))
          .getByRole("checkbox", { name: "Extended thinking" })
          .isChecked(),
        "the thinking starter should switch extended thinking on",
      );

      await (await openConversations(page))
        .getByRole("button", { name: "New conversation", exact: true })
        .click();
      await starters.getByRole("button", { name: "A long markdown answer" }).click();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const reply = page.locator('article.cq-message[data-role="assistant"]').last();
      await reply.getByRole("heading", { name: "Markdown in one minute" }).waitFor();
      await reply.locator("table").waitFor();
      await reply.locator(".cq-code-block").waitFor();
    },
  },
  {
    name: "shell: Ctrl+Shift+O starts a conversation and Shift+Escape focuses the message box",
    async run({ page }) {
      await openChat(page);
      await chat(page, '[[mock: reply="Kept"]] Before the shortcut');
      // Move the focus out of the message box (the title is shown at both sizes).
      await page.getByRole("heading", { level: 1 }).click();
      check(!(await isFocused(composer(page))), "the focus should have left the message box");
      await page.keyboard.press("Control+Shift+O");
      await page.getByRole("heading", { level: 1, name: "New conversation" }).waitFor();
      check(await isFocused(composer(page)), "the message box should have the focus in the new conversation");
      await page.getByRole("heading", { level: 1 }).click();
      check(!(await isFocused(composer(page))), "the focus should have left the message box again");
      await page.keyboard.press("Shift+Escape");
      check(await isFocused(composer(page)), "Shift+Escape should focus the message box");
      await page.getByRole("button", { name: "Help", exact: true }).click();
      const panel = page.getByRole("complementary", { name: "Mock API triggers" });
      for (const keys of ["Ctrl+Shift+O", "Shift+Escape"]) {
        check((await shownText(panel)).includes(keys), `Help should list ${keys}`);
      }
    },
  },
  {
    name: "shell: conversations can be renamed and searched by title or message text; titles are plain text",
    async run({ page }) {
      await openChat(page);
      await chat(page, '[[mock: reply="Paris is the capital"]] Geography **question**');
      // The title shows the first message as plain text, without its markdown markers.
      const h1 = page.getByRole("heading", { level: 1 });
      check((await shownText(h1)) === "Geography question", `plain-text title: ${await shownText(h1)}`);
      await (await openConversations(page))
        .getByRole("button", { name: "New conversation", exact: true })
        .click();
      await chat(page, '[[mock: reply="Use a loop"]] Programming question');
      const list = await conversationList(page);
      await list.getByRole("button", { name: "Rename conversation: Geography question" }).click();
      const field = list.getByRole("textbox", { name: "New title for Geography question" });
      check(await isFocused(field), "the title field should take the focus");
      await checkNoAxeViolations(page, "a conversation being renamed");
      await field.fill("Capitals of Europe");
      await field.press("Enter");
      await list.getByRole("button", { name: /^Capitals of Europe/ }).waitFor();
      await page.reload();
      await (await conversationList(page)).getByRole("button", { name: /^Capitals of Europe/ }).waitFor();

      const search = list.getByRole("searchbox", { name: "Search conversations" });
      await search.fill("loop");
      await list.getByRole("button", { name: /^Capitals of Europe/ }).waitFor({ state: "detached" });
      check(
        (await list.getByRole("button", { name: /^Programming question/ }).count()) === 1,
        "found by reply text",
      );
      await search.fill("capitals");
      await list.getByRole("button", { name: /^Capitals of Europe/ }).waitFor();
      check(
        (await list.getByRole("button", { name: /^Programming question/ }).count()) === 0,
        "filtered out",
      );
      await search.fill("nothing like this");
      await list.getByRole("status").filter({ hasText: "No conversation matches" }).waitFor();
      await checkNoAxeViolations(page, "a search that matches nothing");
      await page.screenshot({ path: screenshotPath(`chat-search-none-${page.viewportSize().width}`) });
    },
  },
  {
    name: "shell: images and PDFs attach by picker, paste and drop, are checked, go as image/document blocks, and stay on edit",
    async run({ page, mockUrl }) {
      await openChat(page);
      const png = Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "base64",
      );
      const picker = page.getByLabel("Attach images or PDFs");
      await picker.setInputFiles([
        { name: "dot.png", mimeType: "image/png", buffer: png },
        { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") },
        { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(6 * 1024 * 1024, 1) },
      ]);
      const attached = page.getByRole("list", { name: "Attached files" });
      await attached.getByText("dot.png").waitFor();
      const errors = await shownText(page.getByRole("alert").filter({ hasText: "notes.txt" }));
      check(
        errors.includes("only JPEG, PNG, GIF and WebP images and PDF documents"),
        `type error: ${errors}`,
      );
      check(errors.includes("huge.jpg is 6 MB; an image may be at most 5 MB."), `size error: ${errors}`);

      // Paste a PDF into the message box, and drop a second image on the conversation.
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(["%PDF-1.4 demo"], "report.pdf", { type: "application/pdf" }));
        const box = document.querySelector("textarea");
        box?.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      });
      await attached.getByText("report.pdf").waitFor();
      await page.evaluate(
        (bytes) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], "second.png", { type: "image/png" }));
          const target = document.querySelector(".conversation-main");
          target?.dispatchEvent(
            new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        },
        [...png],
      );
      await attached.getByText("second.png").waitFor();
      await attached.getByRole("button", { name: "Remove second.png" }).click();
      await attached.getByText("second.png").waitFor({ state: "detached" });

      const request = page.waitForRequest(
        (candidate) => candidate.method() === "POST" && candidate.url() === `${mockUrl}/v1/messages`,
      );
      await composer(page).fill("What do these show?");
      await composer(page).press("Enter");
      const body = (await request).postDataJSON();
      const types = body.messages.at(-1).content.map((block) => block.type);
      check(JSON.stringify(types) === JSON.stringify(["image", "document", "text"]), `blocks sent: ${types}`);
      check(body.messages.at(-1).content[0].source.data === png.toString("base64"), "the image's bytes");
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const question = page.locator('article.cq-message[data-role="user"]').last();
      const thumbnail = question.locator(".cq-image-block img");
      await thumbnail.waitFor();
      check(await thumbnail.evaluate((image) => image.naturalWidth === 1), "the thumbnail shows the image");
      await question.locator(".cq-document-block", { hasText: "report.pdf" }).waitFor();
      const reply = await shownText(page.locator('article.cq-message[data-role="assistant"]').last());
      check(/1 image \(PNG\) and 1 PDF document/.test(reply), `the mock should acknowledge both: ${reply}`);
      check((await attached.count()) === 0, "the tray empties once sent");
      await page.screenshot({ path: screenshotPath(`chat-attachments-${page.viewportSize().width}`) });

      // Editing the message keeps its files: they show in the edit form and go again with the new text.
      await question.getByRole("button", { name: "Edit message 1" }).click();
      const form = question.getByRole("form", { name: "Edit message" });
      const kept = form.getByRole("list", { name: "Files sent with this message" });
      check(
        (await kept.locator("img").evaluate((image) => image.naturalWidth)) === 1,
        "the edit form shows the image's thumbnail",
      );
      await kept.getByText("report.pdf").waitFor();
      await form.getByRole("textbox", { name: "Edited message" }).fill("And what about now?");
      await page.screenshot({ path: screenshotPath(`chat-edit-attachments-${page.viewportSize().width}`) });
      const resent = page.waitForRequest(
        (candidate) => candidate.method() === "POST" && candidate.url() === `${mockUrl}/v1/messages`,
      );
      await form.getByRole("button", { name: "Save and resend" }).click();
      const edited = (await resent).postDataJSON().messages.at(-1).content;
      check(
        JSON.stringify(edited.map((block) => block.type)) === JSON.stringify(["image", "document", "text"]),
        `blocks resent after the edit: ${edited.map((block) => block.type)}`,
      );
      check(edited[0].source.data === png.toString("base64"), "the same image goes again");
      check(edited[2].text === "And what about now?", `the new text: ${edited[2].text}`);
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await question.locator(".cq-image-block img").waitFor();
      await question.locator(".cq-document-block", { hasText: "report.pdf" }).waitFor();
    },
  },
].map((test) => ({ viewports: BOTH_VIEWPORTS, ...test }));
