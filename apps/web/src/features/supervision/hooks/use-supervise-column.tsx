import type { LaggingItem } from "@jindu/api/schemas";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUser } from "@/lib/auth";
import { newRecordHref } from "../utils";

/**
 * The lagging list's "督办" column: for provincial officials, a link to a new supervision record
 * of the row's region and indicator; no column for anyone else.
 */
export function useSuperviseColumn(): TableColumnsType<LaggingItem> {
  const { t } = useTranslation();
  const user = useUser();
  if (user.role !== "province") return [];
  return [
    {
      key: "supervise",
      title: t("supervision.act"),
      render: (_, item) => (
        <Link
          to={newRecordHref(item.line.region.code, item.indicator.code)}
          data-testid="supervise-link"
          title={t("supervision.actHint")}
        >
          {t("supervision.act")}
        </Link>
      ),
    },
  ];
}
