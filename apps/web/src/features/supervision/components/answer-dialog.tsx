import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { ApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import { type SupervisionRecord, useAnswerSupervision } from "../api/supervision";
import "@/features/supervision/locales";
import { useMessage } from "@/lib/feedback";

interface AnswerDialogProps {
  record: SupervisionRecord | null;
  onDone: () => void;
}

interface AnswerValues {
  explanation: string;
  measures: string;
}

const FIELDS = ["explanation", "measures"] as const;

/** The region's bureau answers a record: why it is behind, and its measures (整改措施). */
export function AnswerDialog({ record, onDone }: AnswerDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useAnswerSupervision();

  const submit = async (values: AnswerValues) => {
    if (!record) return;
    try {
      await answer.mutateAsync({
        id: record.id,
        explanation: values.explanation.trim(),
        measures: values.measures.trim(),
      });
      message.success(t("supervision.answer.saved"));
      onDone();
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      const known = FIELDS.find((name) => name === field);
      if (known) form.setFields([{ name: known, errors: [errorText(error, t, "save")] }]);
      else message.error(errorText(error, t, "save"));
    }
  };

  return (
    <Modal
      open={record !== null}
      title={
        record ? t("supervision.answer.title", { region: nameOf(record.region, language) }) : ""
      }
      okText={t("supervision.answer.save")}
      cancelText={t("supervision.cancel")}
      okButtonProps={{ "data-testid": "supervision-answer-save", loading: answer.isPending }}
      onOk={() => form.submit()}
      onCancel={onDone}
      destroyOnHidden
      width={640}
    >
      <Form<AnswerValues>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="supervision-answer-form"
        initialValues={{
          explanation: record?.answer?.explanation ?? "",
          measures: record?.answer?.measures ?? "",
        }}
        onFinish={submit}
      >
        {record ? (
          <p className="muted">
            {t("supervision.field.actions")}：{record.actions}（{t("supervision.field.deadline")}{" "}
            {record.deadline}）
          </p>
        ) : null}
        <Form.Item
          name="explanation"
          label={t("supervision.field.explanation")}
          rules={[{ required: true, whitespace: true, message: t("supervision.rule.explanation") }]}
        >
          <Input.TextArea
            data-testid="supervision-explanation-input"
            rows={3}
            maxLength={4000}
            placeholder={t("supervision.placeholder.explanation")}
          />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t("supervision.field.measures")}
          rules={[{ required: true, whitespace: true, message: t("supervision.rule.measures") }]}
        >
          <Input.TextArea
            data-testid="supervision-measures-input"
            rows={4}
            maxLength={4000}
            placeholder={t("supervision.placeholder.measures")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
