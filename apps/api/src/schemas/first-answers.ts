import type { SessionResponse } from "./auth.js";
import type { OverviewResponse } from "./dashboard.js";

/**
 * What the page itself carries when it is asked for with a session (GET / of the built web app):
 * the answers its first screen would ask for at once, exactly as GET /api/auth/session and
 * GET /api/overview give them, so the overview draws without two round trips after its code.
 */
export interface FirstAnswers {
  session: SessionResponse;
  /** The overview of the period the address names (year and month in it), if the user may read it. */
  overview?: OverviewResponse;
}

/** The id of the page's script element (type application/json) that holds them. */
export const FIRST_ANSWERS_ID = "jindu-first-answers";
