import { type ButtonProps, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import "@/features/approvals/locales";

interface ReasonModalProps {
  open: boolean;
  title: string;
  busy: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}

/** Returning or reopening a month needs a reason the bureau will read. */
export function ReasonModal({ open, title, busy, onOk, onCancel }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t("approvals.ok")}
      cancelText={t("approvals.cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "reason-ok" } as ButtonProps}
      onOk={() =>
        form.validateFields().then(
          (v) => onOk(v.reason.trim()),
          // The form shows what is missing under the field.
          () => undefined,
        )
      }
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t("approvals.reason")}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 2000,
              message: t("approvals.reasonRequired"),
            },
          ]}
        >
          <Input.TextArea
            data-testid="reason-input"
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t("approvals.reasonPlaceholder")}
            maxLength={2000}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
