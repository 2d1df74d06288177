import "@/features/admin/admin.css";
import type { IndicatorEntry, IndicatorUpdate } from "@jindu/api/schemas";
import { App, Card, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { useUpdateIndicator } from "@/features/admin/api/update-indicator";
import { IndicatorForm } from "@/features/admin/components/indicator-form";
import { IndicatorTable } from "@/features/admin/components/indicator-table";
import { useIndicators } from "@/features/catalogue/api/get-indicators";
import { errorText } from "@/lib/error-text";

/** The indicator catalogue by category, in each category's sort order. */
function byCategory(indicators: IndicatorEntry[]): [string, IndicatorEntry[]][] {
  const groups = new Map<string, IndicatorEntry[]>();
  const sorted = [...indicators].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );
  for (const indicator of sorted) {
    groups.set(indicator.category, [...(groups.get(indicator.category) ?? []), indicator]);
  }
  return [...groups];
}

/** The administrator's indicator catalogue: wording, units, category and order. */
export default function AdminIndicatorsRoute() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const indicators = useIndicators();
  const update = useUpdateIndicator();
  const [editing, setEditing] = useState<IndicatorEntry | null>(null);
  const categoryLabel = (category: string) =>
    i18n.exists(`admin.indicators.categories.${category}`)
      ? t(`admin.indicators.categories.${category}`)
      : category;
  const categories = [...new Set((indicators.data?.indicators ?? []).map((i) => i.category))];

  const save = (change: IndicatorUpdate) => {
    if (!editing) return;
    if (Object.keys(change).length === 0) {
      setEditing(null);
      return;
    }
    update.mutate(
      { code: editing.code, ...change },
      {
        onSuccess: () => {
          setEditing(null);
          message.success(t("admin.common.saved"));
        },
        onError: (error) =>
          message.error(t("admin.common.failed", { message: errorText(error, t, "save") })),
      },
    );
  };

  return (
    <>
      <PageTitle title={t("admin.indicators.title")} />
      <Typography.Paragraph type="secondary" data-testid="indicators-description">
        {t("admin.indicators.description")}
      </Typography.Paragraph>
      <QueryState query={indicators} isEmpty={(data) => data.indicators.length === 0}>
        {(data) =>
          byCategory(data.indicators).map(([category, items]) => (
            <Card
              key={category}
              size="small"
              className="admin-category"
              title={`${categoryLabel(category)} (${items.length})`}
              data-testid={`category-${category}`}
            >
              <IndicatorTable indicators={items} onEdit={setEditing} />
            </Card>
          ))
        }
      </QueryState>
      <IndicatorForm
        indicator={editing}
        categories={categories}
        categoryLabel={categoryLabel}
        saving={update.isPending}
        onCancel={() => setEditing(null)}
        onSubmit={save}
      />
    </>
  );
}
