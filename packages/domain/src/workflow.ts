/** Where a monthly submission stands. */
export const SUBMISSION_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export type WorkflowAction = "save" | "submit" | "approve" | "return" | "reopen";

const TRANSITIONS: Record<WorkflowAction, { from: SubmissionStatus[]; to: SubmissionStatus }> = {
  // Editing a returned month makes it a draft again; approved figures are locked.
  save: { from: ["draft", "returned"], to: "draft" },
  submit: { from: ["draft", "returned"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted"], to: "returned" },
  // Only the province reopens an approved month, with a reason; it goes back to the bureau.
  reopen: { from: ["approved"], to: "returned" },
};

export const ACTIONS_NEEDING_REASON: readonly WorkflowAction[] = ["return", "reopen"];

/** The status after an action, or why the action is not allowed from the current status. */
export function transition(
  current: SubmissionStatus,
  action: WorkflowAction,
): { ok: true; status: SubmissionStatus } | { ok: false; message: string } {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(current)) return { ok: true, status: rule.to };
  const message =
    current === "approved" && (action === "save" || action === "submit")
      ? "approved figures are locked; the province must reopen the month first"
      : `cannot ${action} a ${current} submission`;
  return { ok: false, message };
}

/** The statuses an action may start from. */
export function allowedFrom(action: WorkflowAction): readonly SubmissionStatus[] {
  return TRANSITIONS[action].from;
}

/** The status an action leads to. */
export function statusAfter(action: WorkflowAction): SubmissionStatus {
  return TRANSITIONS[action].to;
}
