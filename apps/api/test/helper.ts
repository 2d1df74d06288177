import { openTestDatabase, type TestDatabase } from "@jindu/db/testing";
import { afterAll, beforeAll } from "vitest";
import { type App, buildApp } from "../src/app.js";

export interface TestContext {
  app: App;
  database: TestDatabase;
}

/** A seeded app on its own throwaway database for one test file, closed after it. */
export function useTestApp(): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.database = await openTestDatabase();
    ctx.app = await buildApp({ database: ctx.database });
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}
