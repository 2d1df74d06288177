import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  MinusCircleOutlined,
  WarningFilled,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { STATUS_STYLE, type StatusKey } from "@/config/status";

const ICONS: Record<StatusKey, ReactNode> = {
  completed: <CheckCircleFilled />,
  green: <ClockCircleFilled />,
  yellow: <WarningFilled />,
  red: <CloseCircleFilled />,
  none: <MinusCircleOutlined />,
};

export function StatusIcon({ status }: { status: StatusKey }) {
  return (
    <span aria-hidden style={{ color: STATUS_STYLE[status].color }}>
      {ICONS[status]}
    </span>
  );
}

/** A status as colour, icon and word together, so it reads without telling colours apart. */
export function StatusTag({ status, compact = false }: { status: StatusKey; compact?: boolean }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <span
      className={compact ? "status-tag status-tag-compact" : "status-tag"}
      data-status={status}
      style={{ background: style.color, color: style.text }}
      title={t(`status.${status}`)}
    >
      {ICONS[status]}
      <span className={compact ? "sr-only" : undefined}>{t(`status.${status}`)}</span>
    </span>
  );
}

export function statusIcon(status: StatusKey) {
  return ICONS[status];
}
