#!/usr/bin/env node
// Copies one file, creating the target folder: `node copy-file.mjs from to` (portable `cp`).
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error("usage: copy-file.mjs <from> <to>");
mkdirSync(dirname(to), { recursive: true });
copyFileSync(from, to);
