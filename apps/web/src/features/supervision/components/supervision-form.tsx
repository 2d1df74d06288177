import { App, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import "dayjs/locale/zh-cn";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useIndicators } from "@/features/catalogue/api/get-indicators";
import { useLanguage } from "@/hooks/use-language";
import { ApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import { type SupervisionRecord, useCreateSupervision } from "../api/supervision";
import { today } from "../utils";
import { ScopeRegionSelect } from "./scope-region-select";

interface FormValues {
  region: string;
  kind: "interview" | "listed";
  heldOn: Dayjs;
  indicators: string[];
  actions: string;
  deadline: Dayjs;
}

interface SupervisionFormProps {
  open: boolean;
  /** Filled in when arriving from a lagging region and indicator. */
  region?: string | undefined;
  indicator?: string | undefined;
  onDone: (record: SupervisionRecord | null) => void;
}

const DAY = "YYYY-MM-DD";
const FIELDS = ["region", "kind", "heldOn", "indicators", "actions", "deadline"] as const;

/** A new interview (约谈) or listed supervision (挂牌督办) of a region in the official's scope. */
export function SupervisionForm({ open, region, indicator, onDone }: SupervisionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const indicators = useIndicators();
  const create = useCreateSupervision();
  // The date pickers' month and weekday names come from dayjs's locale, not antd's.
  useEffect(() => {
    dayjs.locale(language === "en" ? "en" : "zh-cn");
  }, [language]);

  const submit = async (values: FormValues) => {
    try {
      const record = await create.mutateAsync({
        region: values.region,
        kind: values.kind,
        heldOn: values.heldOn.format(DAY),
        indicators: values.indicators,
        actions: values.actions.trim(),
        deadline: values.deadline.format(DAY),
      });
      message.success(t("supervision.created"));
      onDone(record);
    } catch (error) {
      // The API names the field it refuses: show its reason under that field.
      const field = error instanceof ApiError ? error.field?.split(".")[0] : undefined;
      const known = FIELDS.find((name) => name === field);
      if (known) form.setFields([{ name: known, errors: [errorText(error, t, "save")] }]);
      else message.error(errorText(error, t, "save"));
    }
  };

  return (
    <Modal
      open={open}
      title={t("supervision.new")}
      okText={t("supervision.save")}
      cancelText={t("supervision.cancel")}
      okButtonProps={{ "data-testid": "supervision-save", loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={() => onDone(null)}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="supervision-form"
        preserve={false}
        initialValues={{
          region,
          kind: "interview",
          heldOn: dayjs(today()),
          indicators: indicator ? [indicator] : [],
        }}
        onFinish={submit}
      >
        <Form.Item
          name="region"
          label={t("supervision.field.region")}
          rules={[{ required: true, message: t("supervision.rule.region") }]}
        >
          <ScopeRegionSelect testId="supervision-region" label={t("supervision.field.region")} />
        </Form.Item>
        <Form.Item name="kind" label={t("supervision.kind.label")} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="supervision-kind-input"
            optionType="button"
            options={[
              { value: "interview", label: t("supervision.kind.interview") },
              { value: "listed", label: t("supervision.kind.listed") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t("supervision.field.heldOn")}
          rules={[{ required: true, message: t("supervision.rule.heldOn") }]}
        >
          <DatePicker data-testid="supervision-held-on" format={DAY} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="indicators"
          label={t("supervision.field.indicators")}
          rules={[
            { required: true, type: "array", min: 1, message: t("supervision.rule.indicators") },
          ]}
        >
          <Select
            mode="multiple"
            data-testid="supervision-indicators"
            placeholder={t("supervision.placeholder.indicators")}
            loading={indicators.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={(indicators.data?.indicators ?? []).map((i) => ({
              value: i.code,
              label: nameOf(i, language),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="actions"
          label={t("supervision.field.actions")}
          rules={[{ required: true, whitespace: true, message: t("supervision.rule.actions") }]}
        >
          <Input.TextArea
            data-testid="supervision-actions"
            rows={3}
            maxLength={4000}
            placeholder={t("supervision.placeholder.actions")}
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t("supervision.field.deadline")}
          dependencies={["heldOn"]}
          rules={[
            { required: true, message: t("supervision.rule.deadline") },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) => {
                const heldOn = getFieldValue("heldOn") as Dayjs | undefined;
                return value && heldOn && value.isBefore(heldOn, "day")
                  ? Promise.reject(new Error(t("supervision.rule.deadlineAfter")))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker data-testid="supervision-deadline" format={DAY} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
