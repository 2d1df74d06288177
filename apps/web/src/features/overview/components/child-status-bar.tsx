import type { StatusCounts } from "@jindu/api/schemas";
import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { statusIcon } from "@/components/ui/status-tag";
import { STATUS_ORDER, STATUS_STYLE } from "@/config/status";

/** How many sub-regions are in each status, as a stacked strip with the counts written in. */
export function ChildStatusBar({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return null;
  return (
    <div className="child-status">
      {STATUS_ORDER.filter((status) => counts[status] > 0).map((status) => (
        <Tooltip key={status} title={`${t(`status.${status}`)}: ${counts[status]}`}>
          <span
            className="child-status-part"
            data-status={status}
            style={{
              flexGrow: counts[status],
              background: STATUS_STYLE[status].color,
              color: STATUS_STYLE[status].text,
            }}
          >
            {statusIcon(status)} {counts[status]}
            <span className="sr-only">{t(`status.${status}`)}</span>
          </span>
        </Tooltip>
      ))}
    </div>
  );
}
