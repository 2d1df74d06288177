import type { Status } from "@jindu/api/schemas";

export type StatusKey = Status | "none";

/**
 * Okabe–Ito hues, which readers with any common colour-vision deficiency can tell apart, green
 * and vermilion darkened so that white text on them reaches 4.5:1 (WCAG AA); every use also
 * shows an icon or a word, so colour is never the only signal.
 */
export const STATUS_STYLE: Record<StatusKey, { color: string; text: string }> = {
  completed: { color: "#0072B2", text: "#ffffff" },
  green: { color: "#007A5A", text: "#ffffff" },
  yellow: { color: "#E69F00", text: "#1f1f1f" },
  red: { color: "#B84F00", text: "#ffffff" },
  none: { color: "#bfbfbf", text: "#1f1f1f" },
};

export const STATUS_ORDER: StatusKey[] = ["red", "yellow", "green", "completed", "none"];

export const statusKey = (status: Status | null | undefined): StatusKey => status ?? "none";
