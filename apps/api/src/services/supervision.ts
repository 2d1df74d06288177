import {
  allIndicators,
  closeSupervision,
  type Database,
  insertSupervision,
  listSupervision,
  type SupervisionRow,
  supervisionById,
} from "@jindu/db";
import type { ValidationProblem } from "@jindu/domain";
import { provinceOf } from "@jindu/domain";
import { conflict, invalid, notFound } from "../errors.js";
import { assertInScope } from "../plugins/app/auth.js";
import type { SupervisionCreate, SupervisionRecord, SupervisionStatus } from "../schemas/index.js";
import type { SignedInUser } from "./auth.js";
import { requireRegion } from "./lookups.js";

export function present({ record: r, region }: SupervisionRow): SupervisionRecord {
  return {
    id: r.id,
    region,
    kind: r.kind,
    heldOn: r.heldOn,
    indicators: r.indicatorCodes,
    actions: r.actions,
    deadline: r.deadline,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    status: r.closedAt ? "closed" : "open",
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy,
    outcome: r.outcome,
  };
}

/** A real calendar day: the schema only checks the shape, so 2024-02-30 gets here. */
function isDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** What is wrong with a new record beyond its shape, each problem naming its field. */
export function supervisionProblems(
  input: Pick<SupervisionCreate, "heldOn" | "deadline" | "indicators">,
  knownIndicators: ReadonlySet<string>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const field of ["heldOn", "deadline"] as const) {
    if (!isDay(input[field])) {
      problems.push({ field, rule: "date", message: `${field}: ${input[field]} is not a date` });
    }
  }
  if (isDay(input.heldOn) && isDay(input.deadline) && input.deadline < input.heldOn) {
    problems.push({
      field: "deadline",
      rule: "deadline_before_held",
      message: `deadline: ${input.deadline} is before the day it was held (${input.heldOn})`,
    });
  }
  for (const code of input.indicators) {
    if (!knownIndicators.has(code)) {
      problems.push({
        field: "indicators",
        rule: "unknown_indicator",
        message: `indicators: indicator ${code} does not exist`,
      });
    }
  }
  return problems;
}

export async function listRecords(
  db: Database,
  user: SignedInUser,
  query: { region?: string | undefined; status?: SupervisionStatus | undefined },
): Promise<SupervisionRecord[]> {
  const rows = await listSupervision(db, {
    region: query.region,
    within: user.regionCode,
    status: query.status ?? "all",
  });
  return rows.map(present);
}

/** Records an interview or listed supervision; the route has checked the role and the scope. */
export async function createRecord(
  db: Database,
  user: SignedInUser,
  input: SupervisionCreate,
): Promise<SupervisionRecord> {
  await requireRegion(db, input.region, "region");
  const known = new Set(
    (await allIndicators(db, { province: provinceOf(input.region) })).map((i) => i.code),
  );
  const problems = supervisionProblems(input, known);
  if (problems.length > 0) throw invalid(problems);
  const id = await insertSupervision(db, {
    regionCode: input.region,
    kind: input.kind,
    heldOn: input.heldOn,
    indicatorCodes: input.indicators,
    actions: input.actions.trim(),
    deadline: input.deadline,
    createdBy: user.username,
  });
  const row = await supervisionById(db, id);
  if (!row) throw new Error(`supervision record ${id} vanished`);
  return present(row);
}

/** Closes an open record in the user's scope with how it ended; a closed one is a conflict. */
export async function closeRecord(
  db: Database,
  user: SignedInUser,
  id: number,
  outcome: string,
): Promise<SupervisionRecord> {
  const existing = await supervisionById(db, id);
  if (!existing) throw notFound(`supervision record ${id} does not exist`);
  await assertInScope(db, user, existing.record.regionCode);
  const closed =
    existing.record.closedAt === null &&
    (await closeSupervision(db, id, { outcome: outcome.trim(), closedBy: user.username }));
  if (!closed) throw conflict(`supervision record ${id} is already closed`);
  const row = await supervisionById(db, id);
  if (!row) throw notFound(`supervision record ${id} does not exist`);
  return present(row);
}
