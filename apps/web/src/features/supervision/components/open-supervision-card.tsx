import { Card, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canOpen } from "@/config/nav";
import { paths } from "@/config/paths";
import { useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import { useSupervision } from "../api/supervision";
import { inScope } from "../utils";
import { Deadline, KindTag, useIndicatorNames } from "./record-bits";
import "@/features/supervision/locales";

const SHOWN = 5;

/**
 * The open supervision records of a region and the regions below it, as a compact card for the
 * dashboards; nothing at all when there are none or the user may not read them.
 */
export function OpenSupervisionCard({ region }: { region: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const regions = useRegions();
  const indicatorNames = useIndicatorNames();
  // A bureau reads only its own region's records: do not ask about others.
  const readable = regions.isSuccess && inScope(regions.data, user.regionCode, region);
  const records = useSupervision({ region, status: "open" }, { enabled: readable });
  const open = records.data?.records ?? [];
  if (!readable || open.length === 0) return null;
  const more = canOpen(user.role, paths.supervision);
  return (
    <Card
      size="small"
      data-testid="open-supervision"
      title={t("supervision.openCount", { count: open.length })}
      extra={
        more ? (
          <Link to={`${paths.supervision}?region=${region}&status=open`}>
            {t("supervision.viewAll")}
          </Link>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {open.slice(0, SHOWN).map((record) => (
          <li
            key={record.id}
            data-testid="open-supervision-item"
            style={{ padding: "4px 0", borderBottom: "1px solid #f0f0f0" }}
          >
            <Space size={[8, 4]} wrap>
              <KindTag kind={record.kind} />
              <Link to={`${paths.region}?region=${record.region.code}`}>
                {nameOf(record.region, language)}
              </Link>
              <span>{indicatorNames(record.indicators)}</span>
              <span className="muted">{t("supervision.field.deadline")}</span>
              <Deadline record={record} />
            </Space>
          </li>
        ))}
      </ul>
      {open.length > SHOWN ? <div className="muted">…</div> : null}
    </Card>
  );
}
