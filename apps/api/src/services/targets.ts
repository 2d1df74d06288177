import {
  childRegions,
  type Database,
  listTargets,
  saveTargetPlan,
  saveTargets,
  type TargetWrite,
  targetsOf,
} from "@jindu/db";
import {
  checkDecomposition,
  DEFAULT_DUE_MONTH,
  heldPace,
  planDecimals,
  planProblems,
  splitTotal,
  takesWholeNumbers,
  targetProblems,
  type ValidationProblem,
} from "@jindu/domain";
import { ApiError, badRequest, conflict, invalid } from "../errors.js";
import type {
  Decomposition,
  DecompositionBody,
  Target,
  TargetPlan,
  TargetPlanBody,
} from "../schemas/index.js";
import { requireIndicator, requireRegion } from "./lookups.js";
import { withProvinceProfiles } from "./progress.js";
import { asksFor } from "./task-lists.js";

type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

export const presentTarget = (t: TargetRow): Target => ({
  id: t.id,
  indicator: t.indicatorCode,
  region: t.regionCode,
  year: t.year,
  value: t.value,
  dueMonth: t.dueMonth,
  linear: t.linear,
  updatedAt: t.updatedAt.toISOString(),
});

type PlanRow =
  Awaited<ReturnType<typeof saveTargetPlan>> extends infer R
    ? R extends { plan: infer P }
      ? P
      : never
    : never;

export const presentPlan = (p: PlanRow): TargetPlan => ({
  id: p.id,
  indicator: p.indicatorCode,
  region: p.regionCode,
  fromYear: p.fromYear,
  toYear: p.toYear,
  total: p.total,
  yearValues: p.yearValues,
  updatedAt: p.updatedAt.toISOString(),
});

/**
 * The sub-regions a target is split to: those the province's task list gives the indicator in
 * the year (all of them without a list), besides every sub-region there is.
 */
async function carryingChildren(
  db: Database,
  q: { parent: string; indicator: string; year: number },
) {
  const all = await childRegions(db, q.parent);
  const asks = await asksFor(db, [q.parent, ...all.map((c) => c.code)], q.year);
  return { carrying: all.filter((c) => asks(q.indicator, c.code)), all };
}

/** A province's (or city's) target with its children's, and how they compare. */
export async function decomposition(
  db: Database,
  q: { parent: string; indicator: string; year: number },
  changed = 0,
): Promise<Decomposition> {
  const [parent, indicator, { carrying: children }] = await Promise.all([
    requireRegion(db, q.parent, "parent"),
    requireIndicator(db, q.indicator, "indicator", q.parent),
    carryingChildren(db, q),
  ]);
  const rows = await targetsOf(db, {
    indicator: q.indicator,
    year: q.year,
    regionCodes: [q.parent, ...children.map((c) => c.code)],
  });
  const byRegion = new Map(rows.map((r) => [r.regionCode, r]));
  const [rules] = await withProvinceProfiles(db, q.parent, [indicator]);
  const paceOf = (code: string) => heldPace(code, rules ?? indicator, byRegion.get(code)).pace;
  const parentTarget = byRegion.get(q.parent) ?? null;
  const childTargets = children.map((c) => byRegion.get(c.code) ?? null);
  const check = checkDecomposition(
    indicator,
    parentTarget?.value ?? null,
    childTargets.map((t) => t?.value ?? null),
  );
  return {
    indicator: q.indicator,
    year: q.year,
    parent: {
      region: parent.code,
      nameZh: parent.nameZh,
      nameEn: parent.nameEn,
      target: parentTarget ? presentTarget(parentTarget) : null,
      pace: paceOf(parent.code),
    },
    children: children.map((c, i) => {
      const target = childTargets[i];
      return {
        region: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        target: target ? presentTarget(target) : null,
        pace: paceOf(c.code),
      };
    }),
    check: { ...check, worse: check.worse.map((i) => children[i]?.code ?? "") },
    changed,
  };
}

/**
 * Sets a parent's children's targets (and the parent's own, when given) in one transaction. Every
 * child must be a direct sub-region named once, every value valid for the indicator; otherwise
 * nothing is written. A child's due month defaults to what it had, else the parent's, else December.
 */
export async function saveDecomposition(
  db: Database,
  body: DecompositionBody,
): Promise<Decomposition> {
  const [indicator, { carrying: children, all }] = await Promise.all([
    requireIndicator(db, body.indicator, "indicator", body.parent),
    requireRegion(db, body.parent, "parent").then(() => carryingChildren(db, body)),
  ]);
  if (all.length === 0) {
    throw badRequest(`parent: region ${body.parent} has no sub-regions to decompose to`, "parent");
  }
  const childCodes = new Set(children.map((c) => c.code));
  const allCodes = new Set(all.map((c) => c.code));
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  body.children.forEach((child, i) => {
    const field = `children[${i}]`;
    if (allCodes.has(child.region) && !childCodes.has(child.region)) {
      problems.push({
        field: `${field}.region`,
        rule: "not_assigned",
        message: `${child.region} carries no ${body.indicator} task in ${body.year}`,
      });
    } else if (!childCodes.has(child.region)) {
      problems.push({
        field: `${field}.region`,
        rule: "not_a_child",
        message: `${child.region} is not a sub-region of ${body.parent}`,
      });
    } else if (seen.has(child.region)) {
      problems.push({
        field: `${field}.region`,
        rule: "duplicate",
        message: `${child.region} appears more than once`,
      });
    }
    seen.add(child.region);
    if (child.value !== null) {
      for (const p of targetProblems(child.value, indicator)) {
        problems.push({ ...p, field: `${field}.value`, message: `${child.region}: ${p.message}` });
      }
    }
  });
  if (body.value !== undefined) problems.push(...targetProblems(body.value, indicator));
  if (problems.length > 0) throw invalid(problems);

  const existing = await targetsOf(db, {
    indicator: body.indicator,
    year: body.year,
    regionCodes: [body.parent, ...seen],
  });
  const before = new Map(existing.map((t) => [t.regionCode, t]));
  const parentDue = body.dueMonth ?? before.get(body.parent)?.dueMonth ?? DEFAULT_DUE_MONTH;
  const writes: TargetWrite[] = body.children.map((child) => ({
    indicatorCode: body.indicator,
    regionCode: child.region,
    year: body.year,
    value: child.value,
    dueMonth: child.dueMonth ?? before.get(child.region)?.dueMonth ?? parentDue,
    linear: child.linear,
  }));
  if (body.value !== undefined || body.dueMonth !== undefined || body.linear !== undefined) {
    const value = body.value ?? before.get(body.parent)?.value;
    if (value === undefined) {
      throw badRequest("value: the parent has no target yet; give its value too", "value");
    }
    writes.push({
      indicatorCode: body.indicator,
      regionCode: body.parent,
      year: body.year,
      value,
      dueMonth: parentDue,
      linear: body.linear,
    });
  }
  const changed = await saveTargets(db, writes);
  return decomposition(db, body, changed);
}

/**
 * Saves a multi-year plan of a cumulative indicator and writes its years as annual targets, all in
 * one transaction. Without yearly values the total is split evenly (whole units for counts).
 */
export async function savePlan(db: Database, body: TargetPlanBody) {
  const [indicator] = await Promise.all([
    requireIndicator(db, body.indicator, "indicator", body.region),
    requireRegion(db, body.region, "region"),
  ]);
  if (indicator.kind !== "cumulative") {
    throw new ApiError(
      400,
      `${indicator.code} is a ${indicator.kind} indicator: only cumulative totals split into years`,
      { field: "indicator", rule: "not_cumulative" },
    );
  }
  if (body.toYear < body.fromYear) throw badRequest("toYear is before fromYear", "toYear");
  if (body.toYear - body.fromYear >= 20)
    throw badRequest("a plan spans at most 20 years", "toYear");
  const wholeUnits = takesWholeNumbers(indicator);
  const years = body.toYear - body.fromYear + 1;
  const yearValues =
    body.yearValues ?? splitTotal(body.total, years, planDecimals(body.total, wholeUnits));
  const problems = planProblems({ ...body, yearValues, wholeUnits });
  if (problems.length > 0) {
    throw invalid(problems.map(({ field, rule, message }) => ({ field, rule, message })));
  }
  const existing = await listTargets(db, { indicator: body.indicator, region: body.region });
  const dueOf = new Map(existing.map((t) => [t.year, t.dueMonth]));
  const saved = await saveTargetPlan(
    db,
    {
      indicatorCode: body.indicator,
      regionCode: body.region,
      fromYear: body.fromYear,
      toYear: body.toYear,
      total: body.total,
      yearValues,
    },
    (year) => dueOf.get(year) ?? DEFAULT_DUE_MONTH,
  );
  if ("overlaps" in saved) {
    throw conflict(
      `the plan ${saved.overlaps.fromYear}–${saved.overlaps.toYear} already covers some of these years`,
    );
  }
  const targets = (await listTargets(db, { indicator: body.indicator, region: body.region }))
    .filter((t) => t.year >= body.fromYear && t.year <= body.toYear)
    .map(presentTarget);
  return { plan: presentPlan(saved.plan), targets };
}
