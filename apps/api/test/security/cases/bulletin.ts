import type { Case } from "./types.js";

/** Cases of the bulletin routes added for the work screens; the main test runs them with the rest. */
export const BULLETIN_CASES: Case[] = [];
