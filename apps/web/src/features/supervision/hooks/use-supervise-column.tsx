import { FlagOutlined } from "@ant-design/icons";
import type { LaggingItem } from "@jindu/api/schemas";
import { Button, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useUser } from "@/lib/auth";
import { newRecordHref } from "../utils";
import "@/features/supervision/locales";

/**
 * The lagging list's "督办" column: for provincial officials, a button that opens a new
 * supervision record of the row's region and indicator, pre-filled with where the row stands at
 * the list's month; no column for anyone else.
 */
export function useSuperviseColumn(): TableColumnsType<LaggingItem> {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { params } = useDashboardParams();
  if (user.role !== "province") return [];
  return [
    {
      key: "supervise",
      title: t("supervision.act"),
      render: (_, item) => {
        const href = newRecordHref(item.line.region.code, item.indicator.code, {
          year: params.year,
          month: params.month,
        });
        return (
          <Button
            size="small"
            icon={<FlagOutlined />}
            href={href}
            data-testid="supervise-link"
            title={t("supervision.actHint")}
            onClick={(event) => {
              // A link (it can be opened in a new tab) that stays in the app when clicked.
              event.preventDefault();
              navigate(href);
            }}
          >
            {t("supervision.act")}
          </Button>
        );
      },
    },
  ];
}
