import "@/features/import/import.css";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Modal, Popconfirm, Result, Space, Typography, Upload } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { saveBlob, type UploadProgress } from "@/features/import/api/upload";
import { ErrorTable } from "@/features/import/components/error-table";
import { type UploadPhase, UploadStatus } from "@/features/import/components/upload-status";
import { ApiError } from "@/lib/api-client";
import { useSession } from "@/lib/auth";
import { errorText } from "@/lib/error-text";
import {
  ACCOUNTS_TEMPLATE_HREF,
  type AccountImportErrors,
  importAccounts,
} from "../api/bulk-accounts";
import "@/features/admin/locales";

const ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PASSWORDS_FILE = "一次性密码.xlsx";

interface BulkAccountsModalProps {
  open: boolean;
  onClose: () => void;
}

/**
 * 批量导入账号: the template, the upload, every bad cell as the figure import shows them (nothing
 * created), or the one-time passwords file, offered while this window stays open and never again.
 */
export function BulkAccountsModal({ open, onClose }: BulkAccountsModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const csrfToken = useSession().data?.csrfToken ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase>("idle");
  const [percent, setPercent] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState<AccountImportErrors | null>(null);
  const [done, setDone] = useState<{ passwords: Blob; created: number } | null>(null);
  const running = useRef<AbortController | null>(null);

  const reset = () => {
    running.current?.abort();
    setFile(null);
    setPhase("idle");
    setPercent(0);
    setFailure(null);
    setRefused(null);
    setDone(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  async function send(chosen: File) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setFile(chosen);
    setFailure(null);
    setRefused(null);
    setPercent(0);
    setPhase("uploading");
    try {
      const answer = await importAccounts(chosen, {
        csrfToken,
        signal: controller.signal,
        onProgress: ({ loaded, total }: UploadProgress) =>
          setPercent(Math.min(100, Math.round((loaded / total) * 100))),
        onSent: () => {
          setPercent(100);
          setPhase("processing");
        },
      });
      setPhase("done");
      if (!answer.ok) {
        setRefused(answer.result);
        return;
      }
      setDone({ passwords: answer.passwords, created: answer.created });
      // Saved at once, so that closing the window by mistake loses nothing.
      saveBlob(answer.passwords, PASSWORDS_FILE);
      await queryClient.invalidateQueries({ queryKey: ["admin-users"] });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (error instanceof ApiError && error.status === 401) {
        await queryClient.invalidateQueries({ queryKey: ["auth", "session"] });
      }
      setPhase("failed");
      setFailure(
        error instanceof ApiError && error.status === 413
          ? t("admin.bulk.tooLarge", { message: error.message })
          : t("admin.bulk.failed", { message: errorText(error, t, "upload") }),
      );
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  const busy = phase === "uploading" || phase === "processing";
  const fieldName = (field: string) =>
    t(`admin.bulk.field.${field}`, { defaultValue: field }) as string;

  return (
    <Modal
      open={open}
      title={t("admin.bulk.title")}
      width={820}
      onCancel={done ? undefined : close}
      closable={!done}
      maskClosable={false}
      footer={
        done ? (
          <Popconfirm
            title={t("admin.bulk.closeConfirm")}
            onConfirm={close}
            okButtonProps={{ "data-testid": "bulk-close-ok" }}
          >
            <Button data-testid="bulk-close">{t("admin.bulk.close")}</Button>
          </Popconfirm>
        ) : (
          <Button onClick={close}>{t("admin.bulk.close")}</Button>
        )
      }
      destroyOnHidden
      data-testid="bulk-accounts"
    >
      {done ? (
        <Result
          status="success"
          title={t("admin.bulk.doneTitle", { count: done.created })}
          data-testid="bulk-done"
          subTitle={
            <Alert
              type="warning"
              showIcon
              title={t("admin.bulk.onceWarning")}
              data-testid="bulk-once-warning"
            />
          }
          extra={[
            <Button
              key="download"
              type="primary"
              icon={<DownloadOutlined />}
              onClick={() => saveBlob(done.passwords, PASSWORDS_FILE)}
              data-testid="bulk-passwords-download"
            >
              {t("admin.bulk.download")}
            </Button>,
          ]}
        />
      ) : (
        <div className="import-step" data-testid="bulk-upload">
          <Typography.Paragraph>{t("admin.bulk.intro")}</Typography.Paragraph>
          <Space>
            <Button
              href={ACCOUNTS_TEMPLATE_HREF}
              icon={<DownloadOutlined />}
              data-testid="bulk-template"
            >
              {t("admin.bulk.template")}
            </Button>
          </Space>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(chosen) => {
              void send(chosen);
              return false;
            }}
            data-testid="bulk-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("admin.bulk.drop")}</p>
            <p className="ant-upload-hint">{t("admin.bulk.hint")}</p>
          </Upload.Dragger>
          {file ? <UploadStatus fileName={file.name} phase={phase} percent={percent} /> : null}
          {failure ? (
            <Alert type="error" showIcon title={failure} data-testid="bulk-failure" />
          ) : null}
          {refused ? (
            <ErrorTable
              errors={refused.errors}
              rulePrefix="admin.bulk.rule"
              fieldName={fieldName}
              description={t("admin.bulk.errorsDescription")}
              fieldTitle={t("admin.bulk.fieldTitle")}
            />
          ) : null}
        </div>
      )}
    </Modal>
  );
}
