import "@/features/admin/admin.css";
import { PlusOutlined } from "@ant-design/icons";
import type { IndicatorCreate, IndicatorEntry, IndicatorUpdate } from "@jindu/api/schemas";
import { mayEditCatalogue } from "@jindu/domain";
import { Button, Card, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import {
  useCreateIndicator,
  useDeleteIndicator,
  useUpdateIndicator,
} from "@/features/admin/api/update-indicator";
import { IndicatorCreateForm } from "@/features/admin/components/indicator-create-form";
import { IndicatorForm } from "@/features/admin/components/indicator-form";
import { IndicatorTable } from "@/features/admin/components/indicator-table";
import { useIndicators } from "@/features/catalogue/api/get-indicators";
import { useUser } from "@/lib/auth";
import { errorText } from "@/lib/error-text";
import "@/features/admin/locales";
import { useMessage } from "@/lib/feedback";

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

/**
 * The indicator catalogue: the administrator and national officials keep the national part, a
 * provincial official its province's own indicators (new tasks of the year's document).
 */
export default function AdminIndicatorsRoute() {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const user = useUser();
  const indicators = useIndicators();
  const update = useUpdateIndicator();
  const create = useCreateIndicator();
  const remove = useDeleteIndicator();
  const [editing, setEditing] = useState<IndicatorEntry | null>(null);
  const [creating, setCreating] = useState(false);
  // A provincial official's new indicator is its province's own; the others' national.
  const provinceOwn = user.role === "province" && user.regionCode !== null;
  const editable = (indicator: IndicatorEntry) => mayEditCatalogue(user, indicator.ownerCode);
  const failed = (error: unknown) =>
    message.error(t("admin.common.failed", { message: errorText(error, t, "save") }));
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
        onError: failed,
      },
    );
  };

  const add = (indicator: IndicatorCreate) =>
    create.mutate(indicator, {
      onSuccess: (created) => {
        setCreating(false);
        message.success(t("admin.indicators.created", { name: created.nameZh }));
      },
      onError: failed,
    });

  const drop = (indicator: IndicatorEntry) =>
    remove.mutate(indicator.code, {
      onSuccess: () => message.success(t("admin.indicators.deleted", { name: indicator.nameZh })),
      onError: failed,
    });

  return (
    <>
      <PageTitle
        title={t("admin.indicators.title")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="indicator-create"
          >
            {t("admin.indicators.create")}
          </Button>
        }
      />
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
              <IndicatorTable
                indicators={items}
                editable={editable}
                onEdit={setEditing}
                onDelete={drop}
              />
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
      <IndicatorCreateForm
        open={creating}
        provinceOwn={provinceOwn}
        categories={categories}
        categoryLabel={categoryLabel}
        saving={create.isPending}
        onCancel={() => setCreating(false)}
        onSubmit={add}
      />
    </>
  );
}
