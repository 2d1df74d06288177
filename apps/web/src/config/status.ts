import type { Status } from "@jindu/api/schemas";

export type StatusKey = Status | "none";

/**
 * Okabe–Ito colours, which readers with any common colour-vision deficiency can tell apart;
 * every use also shows an icon or a word, so colour is never the only signal.
 */
export const STATUS_STYLE: Record<StatusKey, { color: string; text: string }> = {
  completed: { color: "#0072B2", text: "#ffffff" },
  green: { color: "#009E73", text: "#ffffff" },
  yellow: { color: "#E69F00", text: "#1f1f1f" },
  red: { color: "#D55E00", text: "#ffffff" },
  none: { color: "#bfbfbf", text: "#1f1f1f" },
};

export const STATUS_ORDER: StatusKey[] = ["red", "yellow", "green", "completed", "none"];

export const statusKey = (status: Status | null | undefined): StatusKey => status ?? "none";
