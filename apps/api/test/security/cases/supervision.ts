import type { Case } from "./types.js";

/** Cases of the supervision routes added for the work screens; the main test runs them with the rest. */
export const SUPERVISION_CASES: Case[] = [];
