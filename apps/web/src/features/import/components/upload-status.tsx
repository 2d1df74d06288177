import { FileExcelOutlined, LoadingOutlined } from "@ant-design/icons";
import { Progress, Spin } from "antd";
import { useTranslation } from "react-i18next";
import "@/features/import/locales";

export type UploadPhase = "idle" | "uploading" | "processing" | "done" | "failed";

interface UploadStatusProps {
  fileName: string;
  phase: UploadPhase;
  /** 0–100, from the request's upload progress events. */
  percent: number;
}

/** The file on its way: a progress bar while its bytes go up, then a spinner while it is checked. */
export function UploadStatus({ fileName, phase, percent }: UploadStatusProps) {
  const { t } = useTranslation();
  if (phase === "idle") return null;
  const status =
    phase === "failed" ? "exception" : phase === "uploading" ? "active" : ("success" as const);
  return (
    <div
      className="import-upload-status"
      data-testid="upload-status"
      data-phase={phase}
      aria-live="polite"
    >
      <div className="import-upload-file">
        <FileExcelOutlined aria-hidden /> {t("import.upload.file", { name: fileName })}
        <span className="muted">
          {phase === "uploading" ? t("import.upload.uploading") : t("import.upload.uploaded")}
        </span>
      </div>
      <Progress
        data-testid="upload-progress"
        data-percent={percent}
        percent={percent}
        status={status}
        size="small"
        aria-label={t("import.upload.uploading")}
      />
      {phase === "processing" ? (
        <div className="import-processing" data-testid="import-processing" role="status">
          <Spin indicator={<LoadingOutlined spin />} size="small" /> {t("import.upload.processing")}
        </div>
      ) : null}
    </div>
  );
}
