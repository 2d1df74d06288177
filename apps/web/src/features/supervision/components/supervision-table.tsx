import { Button, Space, Table, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "@/config/paths";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import type { SupervisionRecord } from "../api/supervision";
import { beijingDate, isOverdue } from "../utils";
import { AnswerBlock, Deadline, KindTag, StatusBadge, useIndicatorNames } from "./record-bits";
import "@/features/supervision/locales";

interface SupervisionTableProps {
  records: SupervisionRecord[];
  /** Opens a record's details (its lag since, minutes, the 销号 proposal). */
  onOpen: (record: SupervisionRecord) => void;
  /** Shown to those who may close records (provincial officials). */
  onClose?: ((record: SupervisionRecord) => void) | undefined;
  /** Shown to the region's bureau, which answers its open records. */
  onAnswer?: ((record: SupervisionRecord) => void) | undefined;
}

/** Records as the API orders them: open first, the nearest deadline first. */
export function SupervisionTable({ records, onOpen, onClose, onAnswer }: SupervisionTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicatorNames = useIndicatorNames();
  const columns: TableColumnsType<SupervisionRecord> = [
    {
      key: "status",
      title: t("supervision.status.label"),
      width: 96,
      render: (_, record) => <StatusBadge record={record} />,
    },
    {
      key: "region",
      title: t("supervision.field.region"),
      render: (_, record) => (
        <Link to={`${paths.region}?region=${record.region.code}`}>
          {nameOf(record.region, language)}
        </Link>
      ),
    },
    {
      key: "kind",
      title: t("supervision.kind.label"),
      render: (_, record) => <KindTag kind={record.kind} />,
    },
    { key: "heldOn", title: t("supervision.field.heldOn"), dataIndex: "heldOn" },
    {
      key: "indicators",
      title: t("supervision.field.indicators"),
      render: (_, record) => indicatorNames(record.indicators),
    },
    {
      key: "actions",
      title: t("supervision.field.actions"),
      width: 280,
      render: (_, record) => (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
          {record.actions}
        </Typography.Paragraph>
      ),
    },
    {
      key: "deadline",
      title: t("supervision.field.deadline"),
      render: (_, record) => <Deadline record={record} />,
    },
    {
      key: "answer",
      title: t("supervision.field.answer"),
      width: 280,
      render: (_, record) => <AnswerBlock record={record} />,
    },
    {
      key: "outcome",
      title: t("supervision.field.outcome"),
      width: 240,
      render: (_, record) =>
        record.status === "closed" ? (
          <Space direction="vertical" size={4}>
            <div data-testid="supervision-outcome">
              <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
                {record.outcome}
              </Typography.Paragraph>
              <span className="muted">
                {t("supervision.field.closedOn")}{" "}
                {record.closedAt ? beijingDate(record.closedAt) : null}
              </span>
            </div>
            <Button size="small" data-testid="supervision-open" onClick={() => onOpen(record)}>
              {t("supervision.detail.action")}
            </Button>
          </Space>
        ) : (
          <Space size={4} wrap>
            <Button size="small" data-testid="supervision-open" onClick={() => onOpen(record)}>
              {t("supervision.detail.action")}
            </Button>
            {onAnswer ? (
              <Button
                size="small"
                type={record.answer ? "default" : "primary"}
                data-testid="supervision-answer"
                onClick={() => onAnswer(record)}
              >
                {t("supervision.answer.action")}
              </Button>
            ) : null}
            {onClose ? (
              <Button
                size="small"
                type={record.closeProposedAt ? "primary" : "default"}
                data-testid="supervision-close"
                onClick={() => onClose(record)}
              >
                {t("supervision.close")}
              </Button>
            ) : null}
          </Space>
        ),
    },
  ];
  return (
    <Table<SupervisionRecord>
      data-testid="supervision-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={records}
      onRow={(record) =>
        ({
          "data-testid": "supervision-row",
          "data-id": String(record.id),
          "data-status": record.status,
          "data-proposed": record.closeProposedAt ? "true" : "false",
          "data-overdue": isOverdue(record) ? "true" : "false",
        }) as React.HTMLAttributes<HTMLElement>
      }
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
    />
  );
}
