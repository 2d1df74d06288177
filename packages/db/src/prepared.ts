import { createHash } from "node:crypto";
import pg from "pg";

/**
 * At most this many statement texts are kept prepared (on every pooled connection). Texts with
 * lists inlined (`in ($1, $2, …)`) vary with the list's length; past this bound a new text runs
 * unnamed, as every statement did before, so neither side's memory grows without end.
 */
export const MAX_PREPARED_TEXTS = 2_000;

const names = new Map<string, string>();

/**
 * The name a parameterised statement is prepared under: the same for the same text, in every
 * process (a hash of it), so that the server parses and plans it once per connection instead of
 * on every request. Undefined once the bound is reached for texts not seen before.
 */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_PREPARED_TEXTS) return known;
  const name = `j${createHash("sha1").update(text).digest("base64url")}`;
  names.set(text, name);
  return name;
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown };

/**
 * The transaction options of a change (`db.transaction(fn, GENERIC_PLANS)`): its statements run
 * on their generic plans. A prepared statement is otherwise planned again at every run for its
 * first runs and whenever PostgreSQL judges the generic plan costlier: at month end the save's
 * and submit's statements (index lookups of one region's month, whatever the parameters) were
 * planned on every run, 2.9 ms of PostgreSQL's CPU per bureau. Reads keep custom plans (a
 * generic one doubled a lagging list's hand-written SQL). Read committed is the default level:
 * naming it marks the `begin`, which PreparingClient sends with the setting in one round trip.
 */
export const GENERIC_PLANS = { isolationLevel: "read committed" } as const;
const BEGIN_CHANGE = "begin isolation level read committed";
const BEGIN_CHANGE_WITH_GENERIC_PLANS = `${BEGIN_CHANGE}; set local plan_cache_mode = force_generic_plan`;

/**
 * A pooled connection that sends its parameterised statements as named prepared statements.
 * On a cache miss the dashboards' statements (lateral joins over a province's regions and every
 * indicator) spent as long being parsed and planned as being run; so did every statement of a
 * month's save. Statements without parameters (BEGIN, COMMIT, SET) stay simple queries.
 */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; all pass through
  override query(config: any, values?: any, callback?: any): any {
    if (config !== null && typeof config === "object" && !(config as QueryConfig).name) {
      const { text } = config as QueryConfig;
      // A simple query may hold two statements: the setting costs no round trip of its own.
      if (text === BEGIN_CHANGE) config = { ...config, text: BEGIN_CHANGE_WITH_GENERIC_PLANS };
      const params = (config as QueryConfig).values ?? values;
      if (typeof text === "string" && Array.isArray(params) && params.length > 0) {
        const name = statementName(text);
        if (name !== undefined) config = { ...config, name };
      }
    }
    return super.query(config, values, callback);
  }
}
