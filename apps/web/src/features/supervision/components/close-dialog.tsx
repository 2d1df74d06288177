import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { ApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import { type SupervisionRecord, useCloseSupervision } from "../api/supervision";
import "@/features/supervision/locales";
import { useMessage } from "@/lib/feedback";

interface CloseDialogProps {
  record: SupervisionRecord | null;
  onDone: () => void;
}

/** Closes an open record with how it ended (required). */
export function CloseDialog({ record, onDone }: CloseDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const [form] = Form.useForm<{ outcome: string }>();
  const close = useCloseSupervision();

  const submit = async ({ outcome }: { outcome: string }) => {
    if (!record) return;
    try {
      await close.mutateAsync({ id: record.id, outcome: outcome.trim() });
      message.success(t("supervision.closed"));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.field === "outcome") {
        form.setFields([{ name: "outcome", errors: [errorText(error, t, "save")] }]);
      } else {
        message.error(errorText(error, t, "save"));
        // Closed elsewhere meanwhile (409): the list is refetched, nothing more to do here.
        if (error instanceof ApiError && error.status === 409) onDone();
      }
    }
  };

  return (
    <Modal
      open={record !== null}
      title={record ? t("supervision.closeTitle", { region: nameOf(record.region, language) }) : ""}
      okText={t("supervision.close")}
      cancelText={t("supervision.cancel")}
      okButtonProps={{ "data-testid": "supervision-close-confirm", loading: close.isPending }}
      onOk={() => form.submit()}
      onCancel={onDone}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          name="outcome"
          label={t("supervision.field.outcome")}
          rules={[{ required: true, whitespace: true, message: t("supervision.rule.outcome") }]}
        >
          <Input.TextArea
            data-testid="supervision-outcome-input"
            rows={3}
            maxLength={4000}
            placeholder={t("supervision.placeholder.outcome")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
