import type { StatusCounts } from "@jindu/api/schemas";
import { Card, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { statusIcon } from "@/components/ui/status-tag";
import { STATUS_STYLE, type StatusKey } from "@/config/status";
import { ChildStatusBar } from "./child-status-bar";

const SHOWN: StatusKey[] = ["red", "yellow", "green", "completed"];

/** Sub-regions counted by their worst status across indicators. */
export function StatusSummary({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t("overview.regions")}
      extra={<span className="muted">{t("overview.regionsHint")}</span>}
      className="status-summary"
    >
      <div className="status-summary-grid">
        {SHOWN.map((status) => (
          <div key={status} data-testid={`count-${status}`} data-status={status}>
            <Statistic
              title={t(`status.${status}`)}
              value={counts[status]}
              prefix={statusIcon(status)}
              styles={{ content: { color: STATUS_STYLE[status].color, fontWeight: 600 } }}
            />
          </div>
        ))}
      </div>
      <ChildStatusBar counts={counts} />
    </Card>
  );
}
