import { FIRST_ANSWERS_ID, type FirstAnswers } from "@jindu/api/first-answers";
import { defaultDashboardRegion } from "@jindu/domain";
import { canOpen } from "@/config/nav";
import { paths } from "@/config/paths";
import { overviewQueryOptions } from "@/features/overview/api/get-overview";
import { seedSession, sessionQueryOptions } from "@/lib/auth";
import { queryClient } from "@/lib/query-client";
import { namedParams } from "@/utils/dashboard-params";
import { preloadDashboard } from "./dashboard-screens";

/**
 * Imported first by main.tsx, so that it runs before React, the router and antd are evaluated:
 * starts downloading the dashboard the page opens on, asks who is signed in (rather than once
 * React has rendered the guard) and, on the overview with a period in its address, asks for the
 * overview's figures right after: they download while the screen's code does, instead of after
 * it. The screens find both in the query cache (same keys as their hooks).
 */
export function warmUp(location: Location | undefined = globalThis.location) {
  if (!location || location.pathname === paths.login) return;
  seedFirstAnswers(globalThis.document);
  // The session first: asked after the screen's code, it waited behind its fifty-odd files on
  // the browser's six connections (600 ms on the bench's overview), and everything waits for it.
  const session = queryClient.fetchQuery(sessionQueryOptions());
  preloadDashboard(location.pathname);
  // A failure shows where the session guard asks again.
  session.catch(() => {});
  if (location.pathname !== paths.overview) return;
  const named = namedParams(new URLSearchParams(location.search));
  if (named.year === undefined || named.month === undefined) return;
  const { year, month } = named;
  session
    .then((answer) => {
      const user = answer?.user;
      // Only what the screen itself would ask: not for a role it sends elsewhere, nor before
      // the account is set up.
      if (!user || !canOpen(user.role, paths.overview)) return;
      if (user.mustChangePassword || user.mustSetUpSecondFactor) return;
      const region = named.region ?? defaultDashboardRegion(user.regionCode);
      return queryClient.prefetchQuery(overviewQueryOptions({ region, year, month }));
    })
    // The screens ask again and show any failure themselves.
    .catch(() => {});
}

/**
 * What the page carried (the API's own answers to the session and the overview its address
 * names, see the API's web-page plugin): into the query cache, as fresh as if just asked, so the
 * asks below find them there. Read once: a later screen asks the API as usual.
 */
export function seedFirstAnswers(document: Document | undefined) {
  const element = document?.getElementById(FIRST_ANSWERS_ID);
  if (!element) return;
  element.remove();
  let answers: FirstAnswers;
  try {
    answers = JSON.parse(element.textContent ?? "") as FirstAnswers;
  } catch {
    return; // The screens ask for themselves.
  }
  seedSession(answers.session);
  const overview = answers.overview;
  if (overview) {
    const input = { region: overview.region.code, year: overview.year, month: overview.month };
    queryClient.setQueryData(overviewQueryOptions(input).queryKey, overview);
  }
}

warmUp();
