/**
 * The province a national account's dashboards show when the URL names none: Guangdong, whose
 * provincial bulletin the demo data reproduces. (Every other account sees its own province, and
 * every screen opens on the latest period with data: see DefaultPeriod.)
 */
export const NATIONAL_DEFAULT_REGION = "440000";
