import type { Indicator } from "@jindu/api/schemas";
import { exactSum, planDecimals, planProblems, splitTotal, takesWholeNumbers } from "@jindu/domain";
import { Alert, Button, Card, InputNumber, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber, nameOf, unitOf } from "@/utils/format";
import { type TargetPlan, usePlans, useSavePlan } from "../api/targets";
import "@/features/targets/locales";
import { useMessage } from "@/lib/feedback";

interface Props {
  indicator: Indicator;
  region: { code: string; nameZh: string; nameEn: string };
  canEdit: boolean;
}

const FIRST_PLAN_YEAR = 2021;

/** A multi-year plan (e.g. the 14th five-year plan, 2021–2025) split into yearly targets. */
export function PlanPanel({ indicator, region, canEdit }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const plans = usePlans(region.code, indicator.code);
  const save = useSavePlan();
  const wholeUnits = takesWholeNumbers(indicator);
  const [fromYear, setFromYear] = useState(FIRST_PLAN_YEAR);
  const [toYear, setToYear] = useState(FIRST_PLAN_YEAR + 4);
  const [total, setTotal] = useState<number | null>(null);
  const [yearValues, setYearValues] = useState<number[] | null>(null);

  if (indicator.kind !== "cumulative") {
    return <Alert type="info" showIcon title={t("targets.plan.notCumulative")} />;
  }
  const years = toYear >= fromYear ? toYear - fromYear + 1 : 0;
  const split = (sum: number | null, from = fromYear, to = toYear) =>
    sum === null || to < from
      ? null
      : splitTotal(sum, to - from + 1, planDecimals(sum, wholeUnits));
  const values = yearValues ?? [];
  const problems =
    total === null || yearValues === null
      ? []
      : planProblems({ fromYear, toYear, total, yearValues, wholeUnits });
  const unit = unitOf(indicator, language);

  const load = (plan: TargetPlan) => {
    setFromYear(plan.fromYear);
    setToYear(plan.toYear);
    setTotal(plan.total);
    setYearValues(plan.yearValues);
  };

  const onSave = async () => {
    if (total === null || yearValues === null) return;
    try {
      const result = await save.mutateAsync({
        indicator: indicator.code,
        region: region.code,
        fromYear,
        toYear,
        total,
        yearValues,
      });
      message.success(t("targets.plan.saved", { count: result.targets.length }));
    } catch (error) {
      message.error(t("targets.saveFailed", { message: (error as Error).message }));
    }
  };

  return (
    <Card
      size="small"
      title={t("targets.plan.title", {
        region: nameOf(region, language),
        indicator: nameOf(indicator, language),
      })}
      className="targets-plan"
    >
      <Typography.Paragraph type="secondary">{t("targets.plan.description")}</Typography.Paragraph>
      <Space wrap size="middle" align="end">
        <div className="targets-field">
          <span>{t("targets.plan.fromYear")}</span>
          <InputNumber
            data-testid="plan-from"
            aria-label={t("targets.plan.fromYear")}
            min={2000}
            max={2100}
            value={fromYear}
            disabled={!canEdit}
            onChange={(v) => {
              const from = v ?? fromYear;
              setFromYear(from);
              setYearValues(split(total, from, toYear));
            }}
          />
        </div>
        <div className="targets-field">
          <span>{t("targets.plan.toYear")}</span>
          <InputNumber
            data-testid="plan-to"
            aria-label={t("targets.plan.toYear")}
            min={2000}
            max={2100}
            value={toYear}
            disabled={!canEdit}
            onChange={(v) => {
              const to = v ?? toYear;
              setToYear(to);
              setYearValues(split(total, fromYear, to));
            }}
          />
        </div>
        <div className="targets-field">
          <span>{t("targets.withUnit", { label: t("targets.plan.total"), unit })}</span>
          <InputNumber
            data-testid="plan-total"
            aria-label={t("targets.plan.total")}
            min={0}
            value={total}
            disabled={!canEdit}
            className="targets-number"
            onChange={(v) => {
              setTotal(v ?? null);
              setYearValues(split(v ?? null));
            }}
          />
        </div>
        {canEdit ? (
          <Button onClick={() => setYearValues(split(total))} disabled={total === null}>
            {t("targets.plan.split")}
          </Button>
        ) : null}
      </Space>

      {yearValues !== null && years > 0 ? (
        <>
          <Table
            data-testid="plan-preview"
            className="targets-plan-preview"
            size="small"
            pagination={false}
            rowKey="year"
            dataSource={values.map((value, i) => ({ year: fromYear + i, value, i }))}
            columns={[
              {
                title: t("targets.plan.year"),
                dataIndex: "year",
                render: (year: number) => t("targets.plan.yearValue", { year }),
              },
              {
                title: t("targets.withUnit", { label: t("targets.plan.value"), unit }),
                key: "value",
                render: (_, row) => (
                  <InputNumber
                    aria-label={`${row.year} ${t("targets.plan.value")}`}
                    min={0}
                    value={row.value}
                    disabled={!canEdit}
                    className="targets-number"
                    onChange={(v) =>
                      setYearValues(values.map((x, j) => (j === row.i ? (v ?? 0) : x)))
                    }
                  />
                ),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t("targets.plan.sum", {
                    sum: formatNumber(exactSum(values), language, 4),
                  })}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {problems.length > 0 ? (
            <Alert
              data-testid="plan-problems"
              type="warning"
              showIcon
              title={problems.map((p) =>
                p.rule === "sum_mismatch"
                  ? t("targets.plan.sumMismatch", {
                      sum: formatNumber(exactSum(values), language, 4),
                      total: formatNumber(total, language, 4),
                    })
                  : // The domain's sentence is English: a Chinese screen says the rule.
                    language === "en"
                    ? p.message
                    : t(`errors.rule.${p.rule}`, { defaultValue: p.message }),
              )}
            />
          ) : null}
          {canEdit ? (
            <Button
              type="primary"
              data-testid="plan-save"
              className="targets-actions"
              disabled={problems.length > 0}
              loading={save.isPending}
              onClick={onSave}
            >
              {t("targets.plan.save")}
            </Button>
          ) : null}
        </>
      ) : null}

      <Typography.Title level={5} className="targets-subtitle">
        {t("targets.plan.existing")}
      </Typography.Title>
      <Table<TargetPlan>
        data-testid="plan-list"
        size="small"
        rowKey="id"
        pagination={false}
        loading={plans.isPending}
        locale={{ emptyText: t("targets.plan.empty") }}
        dataSource={plans.data?.plans ?? []}
        columns={[
          {
            title: t("targets.plan.period"),
            key: "period",
            render: (_, p) => `${p.fromYear}–${p.toYear}`,
          },
          {
            title: t("targets.plan.total"),
            dataIndex: "total",
            render: (v: number) => `${formatNumber(v, language, 4)} ${unit}`,
          },
          {
            title: t("targets.plan.breakdown"),
            key: "years",
            render: (_, p) =>
              p.yearValues
                .map(
                  (v, i) =>
                    `${t("targets.plan.yearValue", { year: p.fromYear + i })} ${formatNumber(v, language, 4)}`,
                )
                .join(language === "en" ? "; " : "；"),
          },
          {
            title: "",
            key: "load",
            render: (_, p) => (
              <Button size="small" onClick={() => load(p)}>
                {t("targets.plan.load")}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
