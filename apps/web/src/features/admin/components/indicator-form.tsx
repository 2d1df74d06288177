import type { IndicatorEntry, IndicatorUpdate } from "@jindu/api/schemas";
import { Alert, Descriptions, Form, Input, InputNumber, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import "@/features/admin/locales";

type FormValues = Required<IndicatorUpdate>;

interface IndicatorFormProps {
  indicator: IndicatorEntry | null;
  categories: string[];
  categoryLabel: (category: string) => string;
  saving: boolean;
  onCancel: () => void;
  /** Only the fields that changed. */
  onSubmit: (change: IndicatorUpdate) => void;
}

const FIELDS = [
  "nameZh",
  "nameEn",
  "unitZh",
  "unitEn",
  "category",
  "sortOrder",
  "firstYear",
  "lastYear",
] as const;

/** The editable wording of an indicator; code, kind and direction shown but locked. */
export function IndicatorForm({
  indicator,
  categories,
  categoryLabel,
  saving,
  onCancel,
  onSubmit,
}: IndicatorFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    if (indicator) form.setFieldsValue(indicator);
  }, [indicator, form]);

  const submit = (values: FormValues) => {
    if (!indicator) return;
    const change: Record<string, string | number | null> = {};
    for (const field of FIELDS) {
      const raw = values[field] ?? null;
      const value = typeof raw === "string" ? raw.trim() : raw;
      if (value !== indicator[field]) change[field] = value;
    }
    onSubmit(change as IndicatorUpdate);
  };
  const required = [{ required: true, whitespace: true, message: t("admin.users.required") }];

  return (
    <Modal
      open={indicator !== null}
      title={indicator ? t("admin.indicators.editTitle", { code: indicator.code }) : null}
      okText={t("admin.common.save")}
      cancelText={t("admin.common.cancel")}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, "data-testid": "indicator-save" }}
      forceRender
      width={620}
      data-testid="indicator-form"
    >
      {indicator ? (
        <>
          <Descriptions
            size="small"
            column={3}
            bordered
            items={[
              { key: "code", label: t("admin.indicators.code"), children: indicator.code },
              {
                key: "kind",
                label: t("admin.indicators.kind"),
                children: t(`admin.indicators.kinds.${indicator.kind}`),
              },
              {
                key: "direction",
                label: t("admin.indicators.direction"),
                children: t(`admin.indicators.directions.${indicator.direction}`),
              },
            ]}
          />
          <Alert
            className="admin-locked-note"
            type="info"
            showIcon
            title={t("admin.indicators.locked")}
            data-testid="indicator-locked-note"
          />
        </>
      ) : null}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} className="admin-form-grid">
        <Form.Item name="nameZh" label={t("admin.indicators.nameZh")} rules={required}>
          <Input maxLength={100} data-testid="indicator-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t("admin.indicators.nameEn")} rules={required}>
          <Input maxLength={200} data-testid="indicator-name-en" />
        </Form.Item>
        <Form.Item name="unitZh" label={t("admin.indicators.unitZh")} rules={required}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="unitEn" label={t("admin.indicators.unitEn")} rules={required}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="category" label={t("admin.indicators.category")} rules={required}>
          <Select options={categories.map((c) => ({ value: c, label: categoryLabel(c) }))} />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t("admin.indicators.sortOrder")}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={10000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="firstYear" label={t("admin.indicators.firstYear")}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="lastYear"
          label={t("admin.indicators.lastYear")}
          extra={t("admin.indicators.retireHint")}
        >
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            style={{ width: "100%" }}
            data-testid="indicator-last-year"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
