import { LADDER_LIMITS, SUPERVISION_LEVELS } from "@jindu/domain";
import { Button, Card, Form, InputNumber, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { errorText } from "@/lib/error-text";
import {
  type SupervisionLadder,
  useSaveSupervisionLadder,
  useSupervisionLadder,
} from "../api/supervision";
import "@/features/supervision/locales";
import { useMessage } from "@/lib/feedback";

type Level = (typeof SUPERVISION_LEVELS)[number];

/** The ladder's form: a row per level, then the months on schedule before 销号. */
function LadderForm({ code, ladder }: { code: string; ladder: SupervisionLadder }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<SupervisionLadder>();
  const save = useSaveSupervisionLadder();
  const submit = async (values: SupervisionLadder) => {
    try {
      await save.mutateAsync({ code, ...values });
      message.success(t("supervision.ladder.saved"));
    } catch (error) {
      // The API names the level and threshold it refuses (a heavier level below a lighter one).
      message.error(errorText(error, t, "save"));
    }
  };
  return (
    <Form<SupervisionLadder> form={form} initialValues={ladder} onFinish={submit}>
      <Table<{ level: Level }>
        size="small"
        pagination={false}
        rowKey="level"
        dataSource={SUPERVISION_LEVELS.map((level) => ({ level }))}
        columns={[
          {
            key: "level",
            title: t("supervision.kind.label"),
            render: (_, { level }) => t(`supervision.kind.${level}`),
          },
          {
            key: "monthsBehind",
            title: t("supervision.ladder.monthsBehind"),
            render: (_, { level }) => (
              <Form.Item name={[level, "monthsBehind"]} noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={LADDER_LIMITS.monthsBehind.minimum}
                  max={LADDER_LIMITS.monthsBehind.maximum}
                  precision={0}
                  aria-label={`${t(`supervision.kind.${level}`)} · ${t("supervision.ladder.monthsBehind")}`}
                  data-testid={`ladder-${level}-months`}
                />
              </Form.Item>
            ),
          },
          {
            key: "lagPoints",
            title: t("supervision.ladder.lagPoints"),
            render: (_, { level }) => (
              <Form.Item name={[level, "lagPoints"]} noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={LADDER_LIMITS.lagPoints.minimum}
                  max={LADDER_LIMITS.lagPoints.maximum}
                  step={1}
                  aria-label={`${t(`supervision.kind.${level}`)} · ${t("supervision.ladder.lagPoints")}`}
                  data-testid={`ladder-${level}-points`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <Form.Item
        name="closeAfterMonths"
        label={t("supervision.ladder.closeAfterMonths")}
        rules={[{ required: true }]}
        style={{ marginTop: 16 }}
      >
        <InputNumber
          min={LADDER_LIMITS.closeAfterMonths.minimum}
          max={LADDER_LIMITS.closeAfterMonths.maximum}
          precision={0}
          data-testid="ladder-close-after"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ladder-save">
        {t("supervision.ladder.save")}
      </Button>
    </Form>
  );
}

/** A province's supervision ladder (提醒 → 约谈 → 挂牌督办), for its officials. */
export function LadderCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const ladder = useSupervisionLadder(code);
  return (
    <Card size="small" title={t("supervision.ladder.title")} data-testid="supervision-ladder">
      <Typography.Paragraph type="secondary">{t("supervision.ladder.help")}</Typography.Paragraph>
      <QueryState query={ladder}>
        {(data) => <LadderForm key={`${code}:${JSON.stringify(data)}`} code={code} ladder={data} />}
      </QueryState>
    </Card>
  );
}
