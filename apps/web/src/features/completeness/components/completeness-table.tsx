import { Button, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import type { CompletenessLine } from "../api/get-completeness";
import { daysLate, formatDateTime, TIMELINESS_ORDER, TimelinessTag } from "./timeliness";
import "@/features/completeness/locales";

interface CompletenessTableProps {
  lines: CompletenessLine[];
  deadline: string;
  onOpen: (line: CompletenessLine) => void;
}

/** Every sub-region's month: missing first, then late, then on time; a click opens its history. */
export function CompletenessTable({ lines, deadline, onOpen }: CompletenessTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sorted = [...lines].sort(
    (a, b) =>
      TIMELINESS_ORDER.indexOf(b.timeliness) - TIMELINESS_ORDER.indexOf(a.timeliness) ||
      a.region.code.localeCompare(b.region.code),
  );
  const columns: ColumnsType<CompletenessLine> = [
    {
      key: "region",
      title: t("completeness.region"),
      render: (_, line) => (
        <Button
          type="link"
          className="completeness-region-link"
          data-testid={`completeness-open-${line.region.code}`}
          onClick={() => onOpen(line)}
        >
          {nameOf(line.region, language)}
        </Button>
      ),
    },
    {
      key: "timeliness",
      title: t("completeness.timeliness"),
      render: (_, line) => (
        <>
          <TimelinessTag value={line.timeliness} />
          {line.timeliness === "late" ? (
            <span className="muted completeness-days-late">
              {t("completeness.daysLate", { count: daysLate(line.firstSubmittedAt, deadline) })}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: "submittedAt",
      title: t("completeness.submittedAt"),
      responsive: ["sm"],
      render: (_, line) => formatDateTime(line.firstSubmittedAt, language),
    },
    {
      key: "status",
      title: t("completeness.status"),
      responsive: ["md"],
      render: (_, line) => (line.status ? t(`completeness.statusValue.${line.status}`) : "—"),
    },
  ];
  return (
    <Table<CompletenessLine>
      data-testid="completeness-table"
      size="small"
      rowKey={(line) => line.region.code}
      columns={columns}
      dataSource={sorted}
      pagination={false}
      rowClassName={(line) => `completeness-row-${line.timeliness}`}
      onRow={(line) => ({ "data-region": line.region.code }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
