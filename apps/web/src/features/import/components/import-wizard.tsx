import "../import.css";
import { InboxOutlined } from "@ant-design/icons";
import type { Indicator } from "@jindu/api/schemas";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Grid, Result, Space, Steps, Upload } from "antd";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "@/config/paths";
import { useIndicators } from "@/features/catalogue/api/get-indicators";
import { type RegionEntry, useRegions } from "@/features/catalogue/api/get-regions";
import { ApiError } from "@/lib/api-client";
import { useSession } from "@/lib/auth";
import { errorText } from "@/lib/error-text";
import {
  downloadAnnotated,
  type ImportAction,
  type ImportResult,
  type ImportTarget,
  importFile,
} from "../api/upload";
import { ChooseStep } from "./choose-step";
import { ErrorTable } from "./error-table";
import { ACTION_KEY, PreviewStep } from "./preview-step";
import { type UploadPhase, UploadStatus } from "./upload-status";
import "@/features/import/locales";

const ACCEPT =
  ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

type Step = 0 | 1 | 2 | 3;

interface ImportWizardProps {
  initial: ImportTarget;
}

/**
 * 批量导入: choose the month and download its template; upload the filled file, which the API
 * checks without writing; review old → new; confirm; see what was imported.
 */
export function ImportWizard({ initial }: ImportWizardProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const csrfToken = session?.csrfToken ?? null;
  const role = session?.user.role;
  const scope = session?.user.regionCode ?? null;
  const regions = useRegions();
  const indicators = useIndicators();

  const [step, setStep] = useState<Step>(0);
  const [target, setTarget] = useState<ImportTarget>(initial);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase>("idle");
  const [percent, setPercent] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  // Saving drafts is the default; submitting is a choice made in the preview.
  const [action, setAction] = useState<ImportAction>("draft");
  const [confirming, setConfirming] = useState(false);
  const [annotating, setAnnotating] = useState(false);
  const running = useRef<AbortController | null>(null);
  // On a phone the four steps stay in one row, each title under its number.
  const wide = Grid.useBreakpoint().sm !== false;

  const actions: ImportAction[] =
    role === "province" ? ["draft", "submitted", "approved"] : ["draft", "submitted"];

  const regionNames = useMemo(() => {
    const names = new Map<string, RegionEntry>();
    const walk = (nodes: RegionEntry[]) => {
      for (const node of nodes) {
        names.set(node.code, node);
        walk(node.children);
      }
    };
    walk((regions.data?.regions ?? []) as RegionEntry[]);
    return names;
  }, [regions.data]);
  const indicatorsByCode = useMemo(
    () =>
      new Map<string, Indicator>(
        (indicators.data?.indicators ?? []).map((indicator) => [indicator.code, indicator]),
      ),
    [indicators.data],
  );

  /** Sends the file (a check, or the import itself) with its progress shown. */
  async function send(chosen: File, dryRun: boolean): Promise<ImportResult | null> {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setFailure(null);
    setPercent(0);
    setPhase("uploading");
    try {
      const result = await importFile(target, chosen, {
        dryRun,
        action,
        csrfToken,
        signal: controller.signal,
        onProgress: ({ loaded, total }) =>
          setPercent(Math.min(100, Math.round((loaded / total) * 100))),
        onSent: () => {
          setPercent(100);
          setPhase("processing");
        },
      });
      setPercent(100);
      setPhase("done");
      return result;
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return null;
      // The session ended meanwhile: the session guard takes the user to the sign-in page.
      if (error instanceof ApiError && error.status === 401) {
        await queryClient.invalidateQueries({ queryKey: ["auth", "session"] });
      }
      setPhase("failed");
      setFailure(
        error instanceof ApiError && error.status === 403
          ? t("common.forbidden")
          : error instanceof ApiError && error.rule === "sheet_too_large"
            ? t("import.upload.tooLarge", { message: error.message })
            : t("import.upload.failed", { message: errorText(error, t, "upload") }),
      );
      return null;
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  async function check(chosen: File) {
    setFile(chosen);
    setChecked(null);
    const result = await send(chosen, true);
    if (!result) return;
    setChecked(result);
    if (result.ok) setStep(2);
  }

  async function confirm() {
    if (!file) return;
    setConfirming(true);
    const result = await send(file, false);
    setConfirming(false);
    if (!result) return;
    if (!result.ok) {
      // Something changed since the check (say the month was approved meanwhile).
      setChecked(result);
      setStep(1);
      return;
    }
    setDone(result);
    setStep(3);
    await queryClient.invalidateQueries();
  }

  function restart() {
    running.current?.abort();
    setFile(null);
    setChecked(null);
    setDone(null);
    setPhase("idle");
    setPercent(0);
    setFailure(null);
    setStep(1);
  }

  async function annotate() {
    if (!file) return;
    setAnnotating(true);
    try {
      await downloadAnnotated(target, file, action, csrfToken);
    } catch (error) {
      setFailure(errorText(error, t, "load"));
    } finally {
      setAnnotating(false);
    }
  }

  const uploadStatus = file ? (
    <UploadStatus fileName={file.name} phase={phase} percent={percent} />
  ) : null;
  const failed = failure ? (
    <Alert type="error" showIcon title={failure} data-testid="import-failure" />
  ) : null;

  return (
    <Card className="import-wizard" data-testid="import-wizard" data-step={step}>
      <Steps
        current={step}
        status={step === 3 ? "finish" : "process"}
        size="small"
        responsive={false}
        titlePlacement={wide ? "horizontal" : "vertical"}
        className="import-steps"
        items={[
          { title: t("import.steps.choose") },
          { title: t("import.steps.upload") },
          { title: t("import.steps.preview") },
          { title: t("import.steps.done") },
        ]}
      />
      {step === 0 ? (
        <ChooseStep
          target={target}
          scope={scope}
          onChange={(change) => {
            // Another region or month: a file checked for the old one no longer applies.
            running.current?.abort();
            setTarget((current) => ({ ...current, ...change }));
            setFile(null);
            setChecked(null);
            setPhase("idle");
            setFailure(null);
          }}
          onNext={() => setStep(1)}
        />
      ) : null}
      {step === 1 ? (
        <div className="import-step" data-testid="import-upload">
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={phase === "uploading" || phase === "processing"}
            beforeUpload={(chosen) => {
              void check(chosen);
              return false;
            }}
            data-testid="import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("import.upload.drop")}</p>
            <p className="ant-upload-hint">{t("import.upload.hint")}</p>
          </Upload.Dragger>
          {uploadStatus}
          {failed}
          {checked && !checked.ok ? (
            <ErrorTable
              errors={checked.errors}
              downloading={annotating}
              onDownloadAnnotated={annotate}
              indicators={indicatorsByCode}
            />
          ) : null}
          <Space className="import-actions">
            <Button onClick={() => setStep(0)}>{t("import.upload.back")}</Button>
          </Space>
        </div>
      ) : null}
      {step === 2 && checked ? (
        <>
          {uploadStatus}
          {failed}
          <PreviewStep
            result={checked}
            onDownloadAnnotated={annotate}
            downloading={annotating}
            regionNames={regionNames}
            indicators={indicatorsByCode}
            action={action}
            actions={actions}
            onAction={setAction}
            onConfirm={confirm}
            onBack={restart}
            confirming={confirming}
          />
        </>
      ) : null}
      {step === 3 && done ? (
        <Result
          status="success"
          data-testid="import-done"
          title={t("import.done.title")}
          subTitle={
            done.changed > 0
              ? [
                  t("import.done.summary", {
                    year: done.year,
                    month: done.month,
                    changed: done.changed,
                    regions: done.regions,
                    action: t(ACTION_KEY[action]),
                  }),
                  ...(action !== "draft" && done.months.some((m) => m.status === "draft")
                    ? [
                        t("import.done.held", {
                          count: done.months.filter((m) => m.status === "draft").length,
                        }),
                      ]
                    : []),
                ].join("")
              : t("import.done.nothing", { year: done.year, month: done.month })
          }
          extra={[
            <Button key="again" type="primary" onClick={restart} data-testid="import-again">
              {t("import.done.again")}
            </Button>,
            <Link
              key="entry"
              to={`${paths.entry}?region=${target.parent}&year=${target.year}&month=${target.month}`}
            >
              {t("import.done.entry")}
            </Link>,
          ]}
        />
      ) : null}
    </Card>
  );
}
