import { Alert, Button, Descriptions, Drawer, Form, Input, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { StatusTag } from "@/components/ui/status-tag";
import { statusKey } from "@/config/status";
import { useLanguage } from "@/hooks/use-language";
import { errorText } from "@/lib/error-text";
import { formatBeijingTime, formatPoints, nameOf } from "@/utils/format";
import {
  type SupervisionDetail,
  type SupervisionRecord,
  useSaveMinutes,
  useSupervisionDetail,
} from "../api/supervision";
import { AnswerBlock, Deadline, KindTag, StatusBadge } from "./record-bits";
import "@/features/supervision/locales";
import { useMessage } from "@/lib/feedback";

interface RecordDrawerProps {
  id: number | null;
  /** Officials: minutes, and closing (销号). */
  canWrite: boolean;
  /** The region's bureau: answering. */
  canAnswer: boolean;
  onAnswer: (record: SupervisionRecord) => void;
  onClose: (record: SupervisionRecord) => void;
  onDismiss: () => void;
}

type Month = SupervisionDetail["progress"]["months"][number];

/** The lag of the record's indicators each month since it opened, one column per indicator. */
function ProgressTable({ detail }: { detail: SupervisionDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { months, streak, required } = detail.progress;
  return (
    <>
      <Table<Month>
        data-testid="supervision-progress"
        size="small"
        rowKey={(m) => `${m.year}-${m.month}`}
        dataSource={months}
        pagination={false}
        locale={{ emptyText: t("supervision.detail.noMonths") }}
        onRow={(m) =>
          ({
            "data-testid": "supervision-progress-month",
            "data-on-schedule": m.onSchedule ? "true" : "false",
          }) as React.HTMLAttributes<HTMLElement>
        }
        scroll={{ x: "max-content" }}
        columns={[
          {
            key: "month",
            title: t("supervision.detail.month"),
            render: (_, m) => (
              <Space size={4}>
                {language === "en"
                  ? `${m.year}-${String(m.month).padStart(2, "0")}`
                  : `${m.year}年${m.month}月`}
                {m.baseline ? <Tag>{t("supervision.detail.baseline")}</Tag> : null}
              </Space>
            ),
          },
          ...detail.indicators.map((indicator) => ({
            key: indicator.code,
            title: nameOf(indicator, language),
            render: (_: unknown, m: Month) => {
              const line = m.lines.find((l) => l.indicator === indicator.code);
              return (
                <Space size={4}>
                  <StatusTag status={statusKey(line?.status)} compact />
                  {formatPoints(line?.lag ?? null, language)}
                </Space>
              );
            },
          })),
          {
            key: "onSchedule",
            title: t("supervision.detail.onSchedule"),
            render: (_, m) =>
              m.onSchedule ? (
                <Tag color="success">{t("supervision.detail.onSchedule")}</Tag>
              ) : m.lines.some((l) => l.status === null) ? (
                <Tag>{t("supervision.detail.noFigures")}</Tag>
              ) : (
                <Tag color="warning">{t("supervision.detail.behind")}</Tag>
              ),
          },
        ]}
      />
      <p className="muted" data-testid="supervision-streak" style={{ marginTop: 8 }}>
        {t("supervision.detail.streak", { streak, required })}
      </p>
    </>
  );
}

/** An interview's attendees and minutes, which the officials fill in after it. */
function MinutesForm({ record }: { record: SupervisionRecord }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveMinutes();
  return (
    <Form
      layout="vertical"
      data-testid="supervision-minutes-form"
      initialValues={{ attendees: record.attendees ?? "", minutes: record.minutes ?? "" }}
      onFinish={async (values: { attendees: string; minutes: string }) => {
        try {
          await save.mutateAsync({
            id: record.id,
            attendees: values.attendees.trim() || null,
            minutes: values.minutes.trim() || null,
          });
          message.success(t("supervision.detail.minutesSaved"));
        } catch (error) {
          message.error(errorText(error, t, "save"));
        }
      }}
    >
      <Form.Item name="attendees" label={t("supervision.field.attendees")}>
        <Input maxLength={1000} placeholder={t("supervision.placeholder.attendees")} />
      </Form.Item>
      <Form.Item name="minutes" label={t("supervision.field.minutes")}>
        <Input.TextArea
          rows={3}
          maxLength={8000}
          placeholder={t("supervision.placeholder.minutes")}
        />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending} data-testid="supervision-minutes-save">
        {t("supervision.detail.minutesSave")}
      </Button>
    </Form>
  );
}

/**
 * One record: what was required by when, the region's answer, an interview's minutes, the lag of
 * its indicators each month since, and — once the region is back on schedule long enough — the
 * proposal to close it (销号), which an official confirms with the outcome.
 */
export function RecordDrawer({
  id,
  canWrite,
  canAnswer,
  onAnswer,
  onClose,
  onDismiss,
}: RecordDrawerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useSupervisionDetail(id);
  const record = detail.data?.record;
  return (
    <Drawer
      open={id !== null}
      onClose={onDismiss}
      size="min(880px, 100vw)"
      data-testid="supervision-drawer"
      title={
        record ? t("supervision.detail.title", { region: nameOf(record.region, language) }) : null
      }
      extra={
        record && record.status === "open" ? (
          <Space>
            {canAnswer ? (
              <Button
                type={record.answer ? "default" : "primary"}
                data-testid="supervision-answer"
                onClick={() => onAnswer(record)}
              >
                {t("supervision.answer.action")}
              </Button>
            ) : null}
            {canWrite ? (
              <Button
                type={record.closeProposedAt ? "primary" : "default"}
                data-testid="supervision-close"
                onClick={() => onClose(record)}
              >
                {t("supervision.close")}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {id !== null ? (
        <QueryState query={detail}>
          {(data) => (
            <Space direction="vertical" size={16} style={{ width: "100%" }}>
              {data.record.closeProposedAt ? (
                <Alert
                  type="success"
                  showIcon
                  data-testid="supervision-proposal"
                  message={t("supervision.proposed")}
                  description={t("supervision.proposedHint", {
                    required: data.progress.required,
                  })}
                />
              ) : null}
              <Descriptions size="small" column={1} bordered data-testid="supervision-detail">
                <Descriptions.Item label={t("supervision.status.label")}>
                  <StatusBadge record={data.record} />
                </Descriptions.Item>
                <Descriptions.Item label={t("supervision.kind.label")}>
                  <KindTag kind={data.record.kind} />
                </Descriptions.Item>
                <Descriptions.Item label={t("supervision.field.heldOn")}>
                  {data.record.heldOn}
                </Descriptions.Item>
                <Descriptions.Item label={t("supervision.field.indicators")}>
                  {data.indicators.map((i) => nameOf(i, language)).join("、")}
                </Descriptions.Item>
                <Descriptions.Item label={t("supervision.field.actions")}>
                  <span style={{ whiteSpace: "pre-wrap" }}>{data.record.actions}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t("supervision.field.deadline")}>
                  <Deadline record={data.record} />
                </Descriptions.Item>
                <Descriptions.Item label={t("supervision.field.answer")}>
                  <AnswerBlock record={data.record} />
                </Descriptions.Item>
                {data.record.kind === "interview" && !canWrite ? (
                  <>
                    <Descriptions.Item label={t("supervision.field.attendees")}>
                      {data.record.attendees ?? "—"}
                    </Descriptions.Item>
                    <Descriptions.Item label={t("supervision.field.minutes")}>
                      <span style={{ whiteSpace: "pre-wrap" }}>{data.record.minutes ?? "—"}</span>
                    </Descriptions.Item>
                  </>
                ) : null}
                {data.record.status === "closed" ? (
                  <Descriptions.Item label={t("supervision.field.outcome")}>
                    <span data-testid="supervision-outcome">{data.record.outcome}</span>{" "}
                    <span className="muted">
                      {formatBeijingTime(data.record.closedAt, language, "date")}
                    </span>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              <div>
                <h3 style={{ fontSize: 14 }}>{t("supervision.detail.progress")}</h3>
                <ProgressTable detail={data} />
              </div>
              {data.record.kind === "interview" && canWrite ? (
                <MinutesForm key={data.record.id} record={data.record} />
              ) : null}
            </Space>
          )}
        </QueryState>
      ) : null}
    </Drawer>
  );
}
