import { DownloadOutlined } from "@ant-design/icons";
import type { Indicator } from "@jindu/api/schemas";
import { Alert, Button, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { nameOf } from "@/utils/format";
import type { ImportResult } from "../api/upload";
import "@/features/import/locales";

type CellError = ImportResult["errors"][number];

interface ErrorTableProps {
  errors: CellError[];
  /** The annotated copy of the file, where the import offers one. */
  onDownloadAnnotated?: () => void;
  downloading?: boolean;
  indicators?: Map<string, Indicator>;
  /** How a field is named; the figure import names indicators. */
  fieldName?: (field: string) => string;
  /** Where the rules' texts are, for another import's rules (the accounts import's). */
  rulePrefix?: string;
  description?: string;
  /** The field column's title: the figure import's fields are indicators. */
  fieldTitle?: string;
}

/** Spreadsheet order: by row, then by column (B before AA). */
const byCell = (a: CellError, b: CellError) =>
  a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column);

const PART_KEY: Record<string, string> = {
  numerator: "import.errors.numerator",
  denominator: "import.errors.denominator",
};

/** Every bad row and cell, as Excel names them (row 7, column D), with the reason. */
export function ErrorTable({
  errors,
  onDownloadAnnotated,
  downloading = false,
  indicators = new Map(),
  fieldName: nameField,
  rulePrefix = "import.rule",
  description,
  fieldTitle,
}: ErrorTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Each reason is told from its rule and values in the interface's language; a rule this
  // screen does not know keeps the API's own (English) words.
  const reasonText = (error: ImportResult["errors"][number]) =>
    error.rule
      ? t(`${rulePrefix}.${error.rule}`, { ...error.params, defaultValue: error.reason })
      : error.reason;
  const sorted = [...errors].sort(byCell);
  /** "prefab_share.numerator" → 新开工装配式建筑占比·分子; codes it does not know stay codes. */
  const indicatorName = (field: string) => {
    const [code = "", part = ""] = field.split(".");
    const indicator = indicators.get(code);
    if (!indicator) return field;
    const partKey = PART_KEY[part];
    return partKey ? `${nameOf(indicator, language)} · ${t(partKey)}` : nameOf(indicator, language);
  };
  const fieldName = nameField ?? indicatorName;
  return (
    <div className="import-errors" data-testid="import-errors">
      <Alert
        type="error"
        showIcon
        title={t("import.errors.title", { count: errors.length })}
        description={description ?? t("import.errors.description")}
      />
      {onDownloadAnnotated ? (
        <div>
          <Button
            danger
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={onDownloadAnnotated}
            data-testid="annotated-download"
          >
            {t("import.errors.annotated")}
          </Button>
        </div>
      ) : null}
      <Table<CellError>
        size="small"
        data-testid="import-error-table"
        rowKey={(error) => `${error.row}:${error.column}:${error.field}:${error.reason}`}
        dataSource={sorted}
        pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        rowClassName={() => "import-error-row"}
        onRow={(error) =>
          ({
            "data-row": error.row,
            "data-column": error.column,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: "cell",
            title: t("import.errors.cell"),
            render: (_, error) => (
              <Tag color="error" className="import-cell-ref">
                {error.column}
                {error.row}
              </Tag>
            ),
          },
          {
            key: "row",
            title: t("import.errors.row"),
            dataIndex: "row",
            className: "import-error-rownum",
            responsive: ["sm"],
          },
          {
            key: "column",
            title: t("import.errors.column"),
            dataIndex: "column",
            className: "import-error-column",
            responsive: ["sm"],
          },
          {
            key: "field",
            title: fieldTitle ?? t("import.errors.field"),
            dataIndex: "field",
            responsive: ["md"],
            render: (field: string) => <span title={field}>{fieldName(field)}</span>,
          },
          {
            key: "reason",
            title: t("import.errors.reason"),
            dataIndex: "reason",
            className: "import-error-reason",
            render: (_, error) => reasonText(error),
          },
        ]}
      />
    </div>
  );
}
