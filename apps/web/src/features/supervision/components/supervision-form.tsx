import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import "dayjs/locale/zh-cn";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useIndicators } from "@/features/catalogue/api/get-indicators";
import { useLanguage } from "@/hooks/use-language";
import { ApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { formatPoints, nameOf } from "@/utils/format";
import {
  type SupervisionRecord,
  type SupervisionSuggestion,
  useCreateSupervision,
  useSupervisionSuggestion,
} from "../api/supervision";
import { today } from "../utils";
import { ScopeRegionSelect } from "./scope-region-select";
import "@/features/supervision/locales";
import { useMessage } from "@/lib/feedback";

type Kind = SupervisionRecord["kind"];
const KINDS: Kind[] = ["reminder", "interview", "listed"];

interface FormValues {
  region: string;
  kind: Kind;
  heldOn: Dayjs;
  indicators: string[];
  actions: string;
  deadline: Dayjs;
  attendees?: string;
  minutes?: string;
}

interface SupervisionFormProps {
  open: boolean;
  /** Filled in when arriving from a lagging region and indicator. */
  region?: string | undefined;
  indicator?: string | undefined;
  /** The lagging list's month: the form shows where the region stood then, and the ladder's level. */
  period?: { year: number; month: number } | undefined;
  onDone: (record: SupervisionRecord | null) => void;
}

const DAY = "YYYY-MM-DD";
const FIELDS = [
  "region",
  "kind",
  "heldOn",
  "indicators",
  "actions",
  "deadline",
  "attendees",
  "minutes",
] as const;

/** Where the lagging row stood, and what the province's ladder suggests. */
function SuggestionNote({ suggestion }: { suggestion: SupervisionSuggestion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert
      type={suggestion.level ? "warning" : "info"}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="supervision-suggestion"
      data-level={suggestion.level ?? ""}
      message={t("supervision.suggestion.title", {
        year: suggestion.year,
        month: suggestion.month,
      })}
      description={
        <>
          {suggestion.lines.map((line) => (
            <div key={line.indicator.code} data-testid="supervision-suggestion-line">
              {t("supervision.suggestion.line", {
                indicator: nameOf(line.indicator, language),
                lag: formatPoints(line.lag, language),
                months: line.monthsBehind,
              })}
            </div>
          ))}
          <strong style={{ display: "block", marginTop: 4 }}>
            {suggestion.level
              ? t("supervision.suggestion.level", {
                  level: t(`supervision.kind.${suggestion.level}`),
                })
              : t("supervision.suggestion.none")}
          </strong>
          {suggestion.openLevel ? (
            <div>
              {t("supervision.suggestion.escalated", {
                level: t(`supervision.kind.${suggestion.openLevel}`),
              })}
            </div>
          ) : null}
        </>
      }
    />
  );
}

/** A new interview (约谈) or listed supervision (挂牌督办) of a region in the official's scope. */
export function SupervisionForm({ open, region, indicator, period, onDone }: SupervisionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const [form] = Form.useForm<FormValues>();
  const indicators = useIndicators();
  const create = useCreateSupervision();
  const suggestion = useSupervisionSuggestion(
    open && region && indicator && period ? { region, indicators: [indicator], ...period } : null,
  );
  const kind = Form.useWatch("kind", form);
  const suggested = suggestion.data?.level ?? null;
  // The ladder's level once it is known, unless the official chose one meanwhile.
  useEffect(() => {
    if (suggested && !form.isFieldTouched("kind")) form.setFieldValue("kind", suggested);
  }, [suggested, form]);
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
        ...(values.kind === "interview" && values.attendees?.trim()
          ? { attendees: values.attendees.trim() }
          : {}),
        ...(values.kind === "interview" && values.minutes?.trim()
          ? { minutes: values.minutes.trim() }
          : {}),
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
      {suggestion.data ? <SuggestionNote suggestion={suggestion.data} /> : null}
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
            options={KINDS.map((value) => ({ value, label: t(`supervision.kind.${value}`) }))}
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
        {kind === "interview" ? (
          <>
            <Form.Item name="attendees" label={t("supervision.field.attendees")}>
              <Input
                data-testid="supervision-attendees"
                maxLength={1000}
                placeholder={t("supervision.placeholder.attendees")}
              />
            </Form.Item>
            <Form.Item name="minutes" label={t("supervision.field.minutes")}>
              <Input.TextArea
                data-testid="supervision-minutes"
                rows={3}
                maxLength={8000}
                placeholder={t("supervision.placeholder.minutes")}
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
