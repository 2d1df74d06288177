import type { Indicator } from "@jindu/api/schemas";
import { checkDecomposition, parsePastedColumn } from "@jindu/domain";
import {
  Alert,
  Button,
  Card,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "@/components/ui/query-state";
import { useLanguage } from "@/hooks/use-language";
import { formatMonth, formatNumber, formatQuantity, isShare, nameOf, unitOf } from "@/utils/format";
import { type Decomposition, useDecomposition, useSaveDecomposition } from "../api/targets";
import { fromInput, MONTHS, toInput } from "../utils";
import "@/features/targets/locales";
import { useMessage } from "@/lib/feedback";

interface Props {
  indicator: Indicator;
  region: string;
  year: number;
  canEdit: boolean;
}

export function DecompositionPanel({ indicator, region, year, canEdit }: Props) {
  const { t } = useTranslation();
  const query = useDecomposition({ parent: region, indicator: indicator.code, year });
  return (
    <QueryState query={query}>
      {(data) =>
        data.children.length === 0 ? (
          <Alert type="info" showIcon title={t("targets.noChildren")} />
        ) : (
          <DecompositionEditor
            // Other targets (another selection, or saved ones) start the editor afresh; the same
            // targets fetched again keep what is being typed.
            key={[
              data.indicator,
              data.parent.region,
              data.year,
              ...[data.parent, ...data.children].map((r) => r.target?.updatedAt ?? "-"),
            ].join("|")}
            data={data}
            indicator={indicator}
            canEdit={canEdit}
          />
        )
      }
    </QueryState>
  );
}

interface Row {
  region: string;
  name: string;
  value: number | null;
  dueMonth: number;
  /** Held to an even pace whatever the seasonal profiles (a milestone). */
  linear: boolean;
  /** The pace the saved target follows, as the API names it. */
  pace: Decomposition["parent"]["pace"];
}

function DecompositionEditor({
  data,
  indicator,
  canEdit,
}: {
  data: Decomposition;
  indicator: Indicator;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const save = useSaveDecomposition();
  const share = isShare(indicator);
  const initialParent = {
    value: toInput(indicator, data.parent.target?.value),
    dueMonth: data.parent.target?.dueMonth ?? 12,
    linear: data.parent.target?.linear ?? false,
  };
  // Only a cumulative target has a pace through the year; shares and levels hold all year.
  const paced = indicator.kind === "cumulative";
  const initialRows: Row[] = data.children.map((c) => ({
    region: c.region,
    name: nameOf(c, language),
    value: toInput(indicator, c.target?.value),
    dueMonth: c.target?.dueMonth ?? initialParent.dueMonth,
    linear: c.target?.linear ?? false,
    pace: c.pace,
  }));
  const [parent, setParent] = useState(initialParent);
  const [rows, setRows] = useState(initialRows);
  const [paste, setPaste] = useState("");
  const [pasteNote, setPasteNote] = useState<{ type: "success" | "warning"; text: string } | null>(
    null,
  );

  const check = useMemo(
    () =>
      checkDecomposition(
        indicator,
        fromInput(indicator, parent.value),
        rows.map((r) => fromInput(indicator, r.value)),
      ),
    [indicator, parent.value, rows],
  );
  const parentName = nameOf({ nameZh: data.parent.nameZh, nameEn: data.parent.nameEn }, language);
  const quantity = (v: number | null) => formatQuantity(v, indicator, language);

  const setRow = (region: string, change: Partial<Row>) =>
    setRows((current) => current.map((r) => (r.region === region ? { ...r, ...change } : r)));

  const applyPaste = () => {
    const { values, problems } = parsePastedColumn(paste);
    const filled = Math.min(values.length, rows.length);
    setRows((current) =>
      current.map((r, i) =>
        i < filled && values[i] !== null ? { ...r, value: values[i] ?? null } : r,
      ),
    );
    const notes = [
      values.length === rows.length
        ? t("targets.paste.applied", { count: filled })
        : t("targets.paste.countMismatch", { rows: values.length, count: rows.length, filled }),
      ...(problems.length > 0
        ? [t("targets.paste.problems", { rows: problems.map((p) => p.row).join("、") })]
        : []),
    ];
    setPasteNote({
      type: values.length === rows.length && problems.length === 0 ? "success" : "warning",
      text: notes.join(" "),
    });
  };

  const onSave = async () => {
    try {
      const result = await save.mutateAsync({
        parent: data.parent.region,
        indicator: data.indicator,
        year: data.year,
        ...(parent.value === null
          ? {}
          : {
              value: fromInput(indicator, parent.value) ?? 0,
              dueMonth: parent.dueMonth,
              ...(paced ? { linear: parent.linear } : {}),
            }),
        children: rows.map((r) => ({
          region: r.region,
          value: fromInput(indicator, r.value),
          dueMonth: r.dueMonth,
          ...(paced ? { linear: r.linear } : {}),
        })),
      });
      message.success(t("targets.saved", { count: result.changed }));
    } catch (error) {
      message.error(t("targets.saveFailed", { message: (error as Error).message }));
    }
  };

  const worse = check.worse
    .map((i) => rows[i]?.name)
    .filter(Boolean)
    .join(language === "en" ? ", " : "、");
  const target = quantity(fromInput(indicator, parent.value));
  const kindKey = indicator.kind === "level" ? "level" : "share";
  const checkText =
    indicator.kind === "cumulative"
      ? check.status === "incomplete"
        ? t("targets.check.incomplete")
        : t(`targets.check.${check.status}`, {
            gap: formatNumber(Math.abs(check.difference ?? 0), language, 4),
          })
      : check.status === "incomplete"
        ? t("targets.check.incomplete")
        : check.status === "consistent"
          ? t(`targets.check.${kindKey}Consistent`, { target })
          : check.status === "mixed"
            ? t(`targets.check.${kindKey}Mixed`, { target, regions: worse })
            : t(`targets.check.${kindKey}Short`, { target });
  const alertType =
    check.severity === "warning" ? "warning" : check.severity === "ok" ? "success" : "info";
  const unit = share ? t("targets.unitShare") : unitOf(indicator, language);
  const monthOptions = MONTHS.map((m) => ({
    value: m,
    label: t("targets.dueMonthValue", { month: formatMonth(m, language) }),
  }));

  return (
    <div className="targets-decomposition">
      <Card size="small" className="targets-parent" data-testid="parent-target">
        <Space wrap size="large" align="center">
          <Typography.Text strong>
            {t("targets.parentTarget", { region: parentName })}
          </Typography.Text>
          <InputNumber
            aria-label={t("targets.parentTarget", { region: parentName })}
            data-testid="parent-target-input"
            min={0}
            value={parent.value}
            disabled={!canEdit}
            onChange={(value) => setParent((p) => ({ ...p, value: value ?? null }))}
            suffix={unit}
            className="targets-number"
          />
          <span>
            {t("targets.dueMonth")}{" "}
            <Select
              aria-label={t("targets.dueMonth")}
              value={parent.dueMonth}
              disabled={!canEdit}
              options={monthOptions}
              onChange={(dueMonth: number) => setParent((p) => ({ ...p, dueMonth }))}
              className="targets-month"
            />
          </span>
          {paced ? (
            <LinearSwitch
              caption={t("targets.linear")}
              label={`${parentName} ${t("targets.linear")}`}
              checked={parent.linear}
              disabled={!canEdit}
              pace={data.parent.pace}
              onChange={(linear) => setParent((p) => ({ ...p, linear }))}
            />
          ) : null}
        </Space>
      </Card>

      <Alert
        data-testid="decomposition-check"
        className="targets-check"
        type={alertType}
        showIcon
        title={
          indicator.kind === "cumulative" ? (
            <span data-testid="decomposition-sum">
              {t("targets.check.sum", {
                sum: quantity(check.sum),
                parent: parentName,
                target: parent.value === null ? t("targets.notSet") : target,
              })}
            </span>
          ) : undefined
        }
        description={
          <>
            {checkText} {t("targets.check.entered", { entered: check.entered, count: rows.length })}
          </>
        }
      />

      <div className="targets-grid">
        <Table<Row>
          data-testid="decomposition-table"
          size="small"
          rowKey="region"
          pagination={false}
          dataSource={rows}
          rowClassName={(r) => (check.worse.includes(rows.indexOf(r)) ? "targets-row-worse" : "")}
          columns={[
            { title: t("targets.region"), dataIndex: "name", key: "name" },
            {
              title: t("targets.withUnit", { label: t("targets.target"), unit }),
              key: "value",
              render: (_, r) => (
                <InputNumber
                  aria-label={`${r.name} ${t("targets.target")}`}
                  min={0}
                  value={r.value}
                  disabled={!canEdit}
                  onChange={(value) => setRow(r.region, { value: value ?? null })}
                  className="targets-number"
                />
              ),
            },
            {
              title: t("targets.dueMonth"),
              key: "dueMonth",
              render: (_, r) => (
                <Select
                  aria-label={`${r.name} ${t("targets.dueMonth")}`}
                  value={r.dueMonth}
                  disabled={!canEdit}
                  options={monthOptions}
                  onChange={(dueMonth: number) => setRow(r.region, { dueMonth })}
                  className="targets-month"
                />
              ),
            },
            ...(paced
              ? [
                  {
                    title: t("targets.linear"),
                    key: "linear",
                    render: (_: unknown, r: Row) => (
                      <LinearSwitch
                        label={`${r.name} ${t("targets.linear")}`}
                        checked={r.linear}
                        disabled={!canEdit}
                        pace={r.pace}
                        onChange={(linear) => setRow(r.region, { linear })}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {canEdit ? (
          <Card size="small" title={t("targets.paste.title")} className="targets-paste">
            <Input.TextArea
              data-testid="paste-box"
              aria-label={t("targets.paste.title")}
              rows={Math.min(14, rows.length + 1)}
              placeholder={t("targets.paste.placeholder", { count: rows.length })}
              value={paste}
              onChange={(e) => setPaste(e.target.value)}
            />
            <Button
              data-testid="paste-apply"
              onClick={applyPaste}
              disabled={paste.trim() === ""}
              className="targets-paste-apply"
            >
              {t("targets.paste.apply")}
            </Button>
            {pasteNote ? (
              <Alert data-testid="paste-note" type={pasteNote.type} title={pasteNote.text} />
            ) : null}
          </Card>
        ) : null}
      </div>

      {canEdit ? (
        <Space className="targets-actions">
          <Button
            type="primary"
            data-testid="decomposition-save"
            loading={save.isPending}
            onClick={onSave}
          >
            {t("targets.save")}
          </Button>
          <Button
            onClick={() => {
              setParent(initialParent);
              setRows(initialRows);
              setPasteNote(null);
            }}
          >
            {t("targets.reset")}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}

/** 按线性序时: the target keeps an even pace; beside it, the pace its schedule follows now. */
function LinearSwitch({
  caption,
  label,
  checked,
  disabled,
  pace,
  onChange,
}: {
  /** Text before the switch, where no column header names it. */
  caption?: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  pace: Row["pace"];
  onChange: (linear: boolean) => void;
}) {
  const { t } = useTranslation();
  // The pace as the switch stands: linear when on; when off, the saved target's pace (unknown
  // until saved if it was linear: the profiles decide it then).
  const shown = checked ? "linear" : pace === "linear" ? null : pace;
  return (
    <Space size="small">
      {caption ? <span>{caption}</span> : null}
      <Tooltip title={t("targets.linearHint")}>
        <Switch
          aria-label={label}
          data-testid="linear-switch"
          size="small"
          checked={checked}
          disabled={disabled}
          onChange={onChange}
        />
      </Tooltip>
      {shown ? (
        <Typography.Text type="secondary" className="targets-pace" data-pace={shown}>
          {t(`metric.paceOf.${shown}`)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
