import type { Case } from "./types.js";

/** Cases of the admin routes added for the work screens; the main test runs them with the rest. */
export const ADMIN_CASES: Case[] = [];
