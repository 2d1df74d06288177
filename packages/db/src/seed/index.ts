import { sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { indicators, regions } from "../schema.js";
import { demoData, demoSubmissions } from "./demo-data.js";
import { referenceIndicators, referenceRegions } from "./reference.js";

export { DEMO_YEARS, PREFAB_LAGGARDS_2020, STORIES } from "./demo-data.js";

export interface SeedOptions {
  /** Reference data only (regions and indicators), without the demo targets and reports. */
  referenceOnly?: boolean;
}

/**
 * Writes the reference data and the demo figures. Idempotent: rows that exist are left alone,
 * so a second run changes nothing and never overwrites what users entered.
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<void> {
  const regionRows = referenceRegions();
  const indicatorRows = referenceIndicators();
  await db.transaction(async (tx) => {
    await tx.insert(regions).values(regionRows).onConflictDoNothing();
    await tx.insert(indicators).values(indicatorRows).onConflictDoNothing();
    if (options.referenceOnly) return;
    const demo = demoData(regionRows, indicatorRows);
    // One statement per table from a JSON array: far faster than bind parameters on PGlite.
    await tx.execute(sql`
      insert into targets (indicator_code, region_code, year, value, due_month)
      select "indicatorCode", "regionCode", year, value, "dueMonth"
      from jsonb_to_recordset(${JSON.stringify(demo.targets)}::jsonb) as x(
        "indicatorCode" text, "regionCode" text, year smallint, value numeric, "dueMonth" smallint)
      on conflict do nothing`);
    await tx.execute(sql`
      insert into reports (indicator_code, region_code, year, month, value, numerator, denominator,
                           status, submitted_at)
      select "indicatorCode", "regionCode", year, month, value, numerator, denominator,
             status::report_status, "submittedAt"
      from jsonb_to_recordset(${JSON.stringify(demo.reports)}::jsonb) as x(
        "indicatorCode" text, "regionCode" text, year smallint, month smallint, value numeric,
        numerator numeric, denominator numeric, status text, "submittedAt" timestamptz)
      on conflict do nothing`);
    // Demo months were approved two days after they came in.
    await tx.execute(sql`
      insert into submissions (region_code, year, month, status, first_submitted_at, submitted_at,
                               submitted_by, decided_at, decided_by)
      select "regionCode", year, month, 'approved', "submittedAt", "submittedAt", 'demo',
             "submittedAt" + interval '2 days', 'demo'
      from jsonb_to_recordset(${JSON.stringify(demoSubmissions(demo.reports))}::jsonb) as x(
        "regionCode" text, year smallint, month smallint, "submittedAt" timestamptz)
      on conflict do nothing`);
  });
}
