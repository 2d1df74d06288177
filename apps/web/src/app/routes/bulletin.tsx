import { FileExcelOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "@/components/ui/page-title";
import { QueryState } from "@/components/ui/query-state";
import { bulletinXlsxHref, useBulletin } from "@/features/bulletin/api/get-bulletin";
import { BulletinDocument, bulletinTitle } from "@/features/bulletin/components/bulletin-document";
import { FilterBar } from "@/features/catalogue/components/filter-bar";
import { useGroupRegion } from "@/features/catalogue/hooks/use-group-region";
import "@/features/bulletin/bulletin.css";
import { useDashboardParams } from "@/hooks/use-dashboard-params";
import { useLanguage } from "@/hooks/use-language";
import "@/features/bulletin/locales";

/**
 * The monthly bulletin (工作情况通报): a document to print on A4 or save as PDF, and the same
 * numbers as a workbook. The pickers and buttons are for the screen only.
 */
export default function BulletinRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { params } = useDashboardParams();
  const region = useGroupRegion();
  const input = { region, year: params.year, month: params.month };
  const bulletin = useBulletin(input);

  // The document's title names the saved PDF, as the browser offers it.
  const title = bulletin.data ? bulletinTitle(bulletin.data, t, language) : null;
  const documentTitle = title ? `${title.issuer} ${title.heading}` : null;
  useEffect(() => {
    if (!documentTitle) return;
    const previous = document.title;
    document.title = documentTitle;
    return () => {
      document.title = previous;
    };
  }, [documentTitle]);

  return (
    <div className="bulletin-page">
      <div className="no-print">
        <PageTitle
          title={t("bulletin.title")}
          extra={
            <Space wrap>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                data-testid="bulletin-print"
                disabled={!bulletin.data}
                onClick={() => window.print()}
              >
                {t("bulletin.print")}
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                data-testid="bulletin-xlsx"
                disabled={!bulletin.data}
                href={bulletinXlsxHref(input, language)}
                download
              >
                {t("bulletin.excel")}
              </Button>
            </Space>
          }
        />
        <FilterBar parentsOnly />
        <p className="muted bulletin-hint">{t("bulletin.printHint")}</p>
      </div>
      <QueryState
        query={bulletin}
        isEmpty={(data) => data.ranking.length === 0}
        emptyText={t("bulletin.empty")}
        skeletonRows={12}
      >
        {(data) => <BulletinDocument bulletin={data} />}
      </QueryState>
    </div>
  );
}
