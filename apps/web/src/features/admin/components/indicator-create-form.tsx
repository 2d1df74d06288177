import type { IndicatorCreate } from "@jindu/api/schemas";
import { Alert, AutoComplete, Form, Input, InputNumber, Modal, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import "@/features/admin/locales";

interface FormValues extends Omit<IndicatorCreate, "parts" | "firstYear" | "lastYear"> {
  parts?: string;
  firstYear?: number | null;
  lastYear?: number | null;
}

interface IndicatorCreateFormProps {
  open: boolean;
  /** The indicator goes into the user's province's own part of the catalogue. */
  provinceOwn: boolean;
  categories: string[];
  categoryLabel: (category: string) => string;
  saving: boolean;
  onCancel: () => void;
  onSubmit: (indicator: IndicatorCreate) => void;
}

const CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
const CATEGORY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

/** A new indicator: what figures depend on (code, kind, direction) is chosen once, here. */
export function IndicatorCreateForm({
  open,
  provinceOwn,
  categories,
  categoryLabel,
  saving,
  onCancel,
  onSubmit,
}: IndicatorCreateFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch("kind", form);
  const required = [{ required: true, whitespace: true, message: t("admin.users.required") }];

  const submit = (values: FormValues) => {
    const text = (v: string) => v.trim();
    const indicator: IndicatorCreate = {
      code: values.code.trim(),
      nameZh: text(values.nameZh),
      nameEn: text(values.nameEn),
      unitZh: text(values.unitZh),
      unitEn: text(values.unitEn),
      kind: values.kind,
      direction: values.direction,
      category: values.category.trim(),
      wholeNumber: values.wholeNumber ?? false,
    };
    if (values.kind === "ratio" && values.parts) indicator.parts = text(values.parts);
    if (values.firstYear != null) indicator.firstYear = values.firstYear;
    if (values.lastYear != null) indicator.lastYear = values.lastYear;
    onSubmit(indicator);
  };

  return (
    <Modal
      open={open}
      title={t("admin.indicators.createTitle")}
      okText={t("admin.common.save")}
      cancelText={t("admin.common.cancel")}
      onCancel={onCancel}
      onOk={() => form.submit()}
      afterOpenChange={(visible) => {
        if (!visible) form.resetFields();
      }}
      okButtonProps={{ loading: saving, "data-testid": "indicator-create-save" }}
      forceRender
      width={640}
      data-testid="indicator-create-form"
    >
      <Alert
        className="admin-locked-note"
        type="info"
        showIcon
        title={t(
          provinceOwn ? "admin.indicators.provinceOwnNote" : "admin.indicators.nationalNote",
        )}
        data-testid="indicator-owner-note"
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        className="admin-form-grid"
        initialValues={{ kind: "cumulative", direction: "higher_is_better", wholeNumber: false }}
      >
        <Form.Item
          name="code"
          label={t("admin.indicators.code")}
          extra={t("admin.indicators.codeHint")}
          rules={[...required, { pattern: CODE_PATTERN, message: t("admin.indicators.codeRule") }]}
        >
          <Input maxLength={64} data-testid="indicator-code" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t("admin.indicators.category")}
          rules={[
            ...required,
            { pattern: CATEGORY_PATTERN, message: t("admin.indicators.codeRule") },
          ]}
        >
          <AutoComplete
            options={categories.map((c) => ({ value: c, label: `${categoryLabel(c)} (${c})` }))}
            data-testid="indicator-category"
          />
        </Form.Item>
        <Form.Item name="nameZh" label={t("admin.indicators.nameZh")} rules={required}>
          <Input maxLength={100} data-testid="indicator-new-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t("admin.indicators.nameEn")} rules={required}>
          <Input maxLength={200} data-testid="indicator-new-name-en" />
        </Form.Item>
        <Form.Item name="unitZh" label={t("admin.indicators.unitZh")} rules={required}>
          <Input maxLength={32} data-testid="indicator-unit-zh" />
        </Form.Item>
        <Form.Item name="unitEn" label={t("admin.indicators.unitEn")} rules={required}>
          <Input maxLength={32} data-testid="indicator-unit-en" />
        </Form.Item>
        <Form.Item name="kind" label={t("admin.indicators.kind")} rules={[{ required: true }]}>
          <Select
            data-testid="indicator-kind"
            options={(["cumulative", "ratio", "level"] as const).map((k) => ({
              value: k,
              label: t(`admin.indicators.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="direction"
          label={t("admin.indicators.direction")}
          rules={[{ required: true }]}
        >
          <Select
            options={(["higher_is_better", "lower_is_better"] as const).map((d) => ({
              value: d,
              label: t(`admin.indicators.directions.${d}`),
            }))}
          />
        </Form.Item>
        {kind === "ratio" ? (
          <Form.Item name="parts" label={t("admin.indicators.parts")} rules={required}>
            <Input maxLength={200} placeholder={t("admin.indicators.partsHint")} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="wholeNumber"
          label={t("admin.indicators.wholeNumber")}
          valuePropName="checked"
        >
          <Switch data-testid="indicator-whole-number" />
        </Form.Item>
        <Form.Item name="firstYear" label={t("admin.indicators.firstYear")}>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            style={{ width: "100%" }}
            data-testid="indicator-first-year"
          />
        </Form.Item>
        <Form.Item name="lastYear" label={t("admin.indicators.lastYear")}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
