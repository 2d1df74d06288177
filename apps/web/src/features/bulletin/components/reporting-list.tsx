import type { BulletinResponse } from "@jindu/api/schemas";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import { formatDateTime } from "../format";
import "@/features/bulletin/locales";

/**
 * The children that have not reported the month, then those that reported after the deadline.
 * `ranked`: whether the bulletin ranks anyone (a month without figures does not).
 */
export function ReportingList({
  bulletin,
  ranked = true,
}: {
  bulletin: BulletinResponse;
  ranked?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = (regions: { nameZh: string; nameEn: string }[]) =>
    regions.map((r) => nameOf(r, language)).join(t("bulletin.listSeparator"));
  const rows = [
    ...bulletin.missing.map((region) => ({ region, timeliness: "missing", at: null })),
    ...bulletin.late.map((x) => ({ region: x.region, timeliness: "late", at: x.firstSubmittedAt })),
  ];
  return (
    <div data-testid="bulletin-missing" className="bulletin-reporting">
      {rows.length === 0 ? (
        <p>{t(bulletin.due ? "bulletin.noMissing" : "bulletin.notDue")}</p>
      ) : (
        <>
          {bulletin.missing.length > 0 ? (
            <p>
              {t(ranked ? "bulletin.missingList" : "bulletin.missingListUnranked", {
                regions: names(bulletin.missing),
              })}
            </p>
          ) : null}
          {bulletin.late.length > 0 ? (
            <p>{t("bulletin.lateList", { regions: names(bulletin.late.map((x) => x.region)) })}</p>
          ) : null}
          <table className="bulletin-plain-table">
            <thead>
              <tr>
                <th>{t("bulletin.columns.region")}</th>
                <th>{t("bulletin.columns.reporting")}</th>
                <th>{t("bulletin.columns.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.region.code} data-region={row.region.code}>
                  <td>{nameOf(row.region, language)}</td>
                  <td className={`bulletin-timeliness-${row.timeliness}`}>
                    {t(`bulletin.timeliness.${row.timeliness}`)}
                  </td>
                  <td>{row.at ? formatDateTime(row.at, language) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
