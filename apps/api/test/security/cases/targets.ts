import type { Case } from "./types.js";

/** Cases of the targets routes added for the work screens; the main test runs them with the rest. */
export const TARGET_CASES: Case[] = [];
