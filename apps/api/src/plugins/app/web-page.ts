import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultDashboardRegion } from "@jindu/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import {
  FIRST_ANSWERS_ID,
  type FirstAnswers,
  type OverviewResponse,
  type SessionResponse,
} from "../../schemas/index.js";
import { SESSION_COOKIE } from "./auth.js";

/**
 * JSON that cannot end its script element nor open a comment in it: every "<" as \u003c, which
 * JSON.parse reads back as "<" (names are the provinces' own text).
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The page with `answers` in a script element the browser does not run (the CSP allows none). */
export function pageWithAnswers(page: string, answers: FirstAnswers): string {
  const element = `<script id="${FIRST_ANSWERS_ID}" type="application/json">${scriptSafeJson(answers)}</script>`;
  return page.replace("</head>", `${element}</head>`);
}

/** The request's own headers that an answer depends on: who asks, in which language. */
function askedAs(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ["cookie", "user-agent", "accept-language"] as const) {
    const value = request.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  return headers;
}

/**
 * Asks this server, in-process, what the first screen would ask over the network: the same
 * routes, hooks, checks of role and region and cached answers, so the page can hold nothing a
 * request of the same user could not get. Anything but a 200 is left for the page to ask itself
 * (it then shows the sign-in page, the error or the empty state as before).
 */
async function firstAnswers(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<FirstAnswers | undefined> {
  if (!request.cookies[SESSION_COOKIE]) return undefined;
  const ask = (url: string, query?: Record<string, string>) =>
    app.inject({
      method: "GET",
      url,
      ...(query ? { query } : {}),
      headers: askedAs(request),
      remoteAddress: request.ip,
    });
  const session = await ask("/api/auth/session");
  if (session.statusCode !== 200) return undefined;
  const answers: FirstAnswers = { session: session.json<SessionResponse>() };
  const { user } = answers.session;
  if (user.mustChangePassword || user.mustSetUpSecondFactor) return answers;
  const { region, year, month } = request.query as Record<string, unknown>;
  if (typeof year === "string" && typeof month === "string") {
    // Without a region the screen shows the user's default one (the same domain rule).
    const shown = typeof region === "string" ? region : defaultDashboardRegion(user.regionCode);
    const overview = await ask("/api/overview", { region: shown, year, month });
    if (overview.statusCode === 200) answers.overview = overview.json<OverviewResponse>();
  }
  return answers;
}

/**
 * The web app's page at / (the overview): with a session, it carries the session and the
 * overview of the period its address names (in the user's default region unless it names one),
 * so the first chart waits for the code alone and not for two requests after it (issue 16's
 * first chart). Such a page is one user's: never stored by a browser or a proxy. The other
 * screens' addresses get the plain page (the not-found handler).
 */
export default fp(async function webPage(app: FastifyInstance, opts: { webRoot: string }) {
  const page = readFileSync(join(opts.webRoot, "index.html"), "utf8");
  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    reply.type("text/html; charset=utf-8");
    let answers: FirstAnswers | undefined;
    try {
      answers = await firstAnswers(app, request);
    } catch (error) {
      // The page asks for itself what it does not carry: a failure here must not cost the page.
      request.log.warn({ err: error }, "the page's first answers failed");
    }
    if (!answers) return reply.header("cache-control", "no-cache").send(page);
    return reply
      .header("cache-control", "no-store")
      .header("vary", "cookie")
      .send(pageWithAnswers(page, answers));
  });
});
