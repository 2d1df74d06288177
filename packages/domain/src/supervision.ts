import { NOTIFICATION_LIMITS, type NotificationDraft } from "./notifications.js";
import { isBehind, type Status } from "./status.js";
import type { ValidationProblem } from "./validation.js";

/**
 * The escalation ladder of supervision (督办), lightest first: a reminder (提醒), an interview of
 * the region's leadership (约谈), listed supervision (挂牌督办).
 */
export const SUPERVISION_LEVELS = ["reminder", "interview", "listed"] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** When a level is due: behind for at least this many months in a row, by at least this much. */
export interface LadderStep {
  monthsBehind: number;
  /** Percentage points behind schedule (a positive number: 5 means 5 points behind). */
  lagPoints: number;
}

/** A province's ladder: a step per level, and how long a region must be back before 销号. */
export interface SupervisionLadder {
  reminder: LadderStep;
  interview: LadderStep;
  listed: LadderStep;
  /** Consecutive months on schedule after a record opened before its closing is proposed. */
  closeAfterMonths: number;
}

/**
 * Any lag earns a reminder; three months behind an interview; six months and ten points behind
 * listed supervision; three months back on schedule propose 销号.
 */
export const DEFAULT_LADDER: SupervisionLadder = {
  reminder: { monthsBehind: 1, lagPoints: 0 },
  interview: { monthsBehind: 3, lagPoints: 0 },
  listed: { monthsBehind: 6, lagPoints: 10 },
  closeAfterMonths: 3,
};

/** Bounds of a ladder's numbers (the API's schema and the settings screen use the same ones). */
export const LADDER_LIMITS = {
  monthsBehind: { minimum: 1, maximum: 24 },
  lagPoints: { minimum: 0, maximum: 100 },
  closeAfterMonths: { minimum: 1, maximum: 12 },
} as const;

const rankOf = (level: SupervisionLevel) => SUPERVISION_LEVELS.indexOf(level);

/** The heavier of two levels (null: none). */
export function heavier(
  a: SupervisionLevel | null,
  b: SupervisionLevel | null,
): SupervisionLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return rankOf(a) >= rankOf(b) ? a : b;
}

/** The next level up the ladder; listed supervision is the top and stays. */
export function nextLevel(level: SupervisionLevel): SupervisionLevel {
  return SUPERVISION_LEVELS[
    Math.min(rankOf(level) + 1, SUPERVISION_LEVELS.length - 1)
  ] as SupervisionLevel;
}

/** What is wrong with a ladder: a heavier level must not be due before a lighter one. */
export function ladderProblems(ladder: SupervisionLadder): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (let i = 1; i < SUPERVISION_LEVELS.length; i++) {
    const lighter = SUPERVISION_LEVELS[i - 1] as SupervisionLevel;
    const level = SUPERVISION_LEVELS[i] as SupervisionLevel;
    for (const key of ["monthsBehind", "lagPoints"] as const) {
      if (ladder[level][key] < ladder[lighter][key]) {
        problems.push({
          field: `${level}.${key}`,
          rule: "ladder_order",
          message: `${level}.${key}: ${ladder[level][key]} is below ${lighter}'s ${ladder[lighter][key]}`,
        });
      }
    }
  }
  return problems;
}

/** How far behind one indicator of a region is: months in a row, and points behind now. */
export interface LagLine {
  monthsBehind: number;
  /** Percentage points behind schedule, positive (the progress line's lag is negative). */
  lagPoints: number;
}

/** The heaviest level whose step one line reaches; null when it reaches none. */
export function levelOfLine(ladder: SupervisionLadder, line: LagLine): SupervisionLevel | null {
  if (line.monthsBehind <= 0) return null;
  let level: SupervisionLevel | null = null;
  for (const candidate of SUPERVISION_LEVELS) {
    const step = ladder[candidate];
    if (line.monthsBehind >= step.monthsBehind && line.lagPoints >= step.lagPoints) {
      level = heavier(level, candidate);
    }
  }
  return level;
}

/**
 * The level the ladder suggests for a region: the heaviest any of its lagging lines reaches, and
 * at least one step above the heaviest record still open for the region (a region that stays
 * behind under a reminder is interviewed next, and so on). Null: nothing to suggest.
 */
export function suggestLevel(
  ladder: SupervisionLadder,
  lines: readonly LagLine[],
  openLevel: SupervisionLevel | null = null,
): SupervisionLevel | null {
  let level: SupervisionLevel | null = null;
  for (const line of lines) level = heavier(level, levelOfLine(ladder, line));
  return openLevel === null ? level : heavier(level, nextLevel(openLevel));
}

/**
 * How many months in a row, ending with the last, a region has been on schedule on every
 * indicator of a record: each month gives the statuses of those indicators; a month with an
 * indicator behind, or without a status (no figure, no target), ends the run.
 */
export function onScheduleStreak(months: readonly (readonly (Status | null)[])[]): number {
  let streak = 0;
  for (let i = months.length - 1; i >= 0; i--) {
    const statuses = months[i] as readonly (Status | null)[];
    const onSchedule =
      statuses.length > 0 && statuses.every((s) => s !== null && !isBehind(s as Status));
    if (!onSchedule) break;
    streak++;
  }
  return streak;
}

/** Whether a record's closing (销号) is to be proposed: back on schedule long enough. */
export function shouldProposeClosing(
  ladder: Pick<SupervisionLadder, "closeAfterMonths">,
  months: readonly (readonly (Status | null)[])[],
): boolean {
  return onScheduleStreak(months) >= ladder.closeAfterMonths;
}

export type SupervisionDeadlinePhase = "due" | "overdue";

const dayOfIso = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Where an unanswered record stands against its deadline on a Beijing day (ISO dates): due
 * from `daysBefore` days before the deadline through the deadline itself, overdue after it.
 */
export function supervisionDeadlinePhase(
  deadline: string,
  today: string,
  daysBefore: number,
): SupervisionDeadlinePhase | null {
  const left = dayOfIso(deadline) - dayOfIso(today);
  if (!Number.isFinite(left)) return null;
  if (left < 0) return "overdue";
  return left <= daysBefore ? "due" : null;
}

/** One change of a supervision record that someone must hear of. */
export interface SupervisionEvent {
  action: "opened" | "answered" | "close_proposed" | SupervisionDeadlinePhase;
  record: { id: number; kind: SupervisionLevel; deadline: string };
  region: { code: string; nameZh: string; nameEn: string };
  /** The province the region lies in (its own code for a province). */
  provinceCode: string;
  /** Makes the event's key unique where the action can happen again (a new answer, say). */
  stamp?: string | undefined;
}

const KIND_NAMES: Record<SupervisionLevel, [string, string]> = {
  reminder: ["提醒", "Reminder"],
  interview: ["约谈", "Interview"],
  listed: ["挂牌督办", "Listed supervision"],
};

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * The notification a supervision record's change sends: a new record to the region's bureau,
 * which answers it; its answer and a proposed 销号 to the officials of the region's province.
 */
export function supervisionNotification(event: SupervisionEvent): NotificationDraft {
  const { record, region } = event;
  const [zh, en] = KIND_NAMES[record.kind];
  const titles = {
    opened: [
      `${region.nameZh}被${zh}：请于${record.deadline}前反馈整改措施`,
      `${region.nameEn}: ${en.toLowerCase()} — answer with measures by ${record.deadline}`,
    ],
    answered: [
      `${region.nameZh}已反馈${zh}整改措施`,
      `${region.nameEn} answered the ${en.toLowerCase()}`,
    ],
    close_proposed: [
      `${region.nameZh}${zh}已恢复序时进度，建议销号`,
      `${region.nameEn} is back on schedule: closing the ${en.toLowerCase()} is proposed`,
    ],
    due: [
      `${region.nameZh}${zh}将于${record.deadline}到期，请尽快反馈整改措施`,
      `${region.nameEn}: the ${en.toLowerCase()} is due on ${record.deadline} — answer with measures`,
    ],
    overdue: [
      `${region.nameZh}${zh}已逾期（期限${record.deadline}），尚未反馈整改措施`,
      `${region.nameEn}: the ${en.toLowerCase()} is overdue (due ${record.deadline}), no answer yet`,
    ],
  } as const;
  // The bureau answers; its officials hear of what they asked for and of a deadline missed.
  const bureau = { role: "reporter" as const, regionCode: region.code };
  const officials = { role: "province" as const, regionCode: event.provinceCode };
  const audience = {
    opened: [bureau],
    due: [bureau],
    overdue: [bureau, officials],
    answered: [officials],
    close_proposed: [officials],
  }[event.action];
  const kind = `supervision_${event.action}` as const;
  const [titleZh, titleEn] = titles[event.action];
  const stamp = event.stamp ? `:${event.stamp}` : "";
  return {
    kind,
    audience,
    titleZh: clip(titleZh, NOTIFICATION_LIMITS.title),
    titleEn: clip(titleEn, NOTIFICATION_LIMITS.title),
    body: null,
    link: `/supervision?record=${record.id}`,
    eventKey: clip(`${kind}:${record.id}${stamp}`, NOTIFICATION_LIMITS.eventKey),
  };
}
