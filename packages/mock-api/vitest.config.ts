import { defineProject } from "vitest/config";
import { packageTestProject } from "../../vitest.shared.ts";

export default defineProject(packageTestProject("mock-api"));
