import { Alert, Button, Form, Input, Modal, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { useDeleteBaseMap, useUploadBaseMap } from "../api/get-base-map";
import "@/features/map/locales";

/** The most a file may hold, as the API takes it (characters of GeoJSON). */
const MAX_BYTES = 5_000_000;

interface BaseMapUploadProps {
  province: string;
  provinceName: string;
  hasMap: boolean;
}

/**
 * The province's officials (or the administrator) upload the province's approved map: a GeoJSON
 * FeatureCollection whose features carry their region code, and its approval number (审图号).
 */
export function BaseMapUpload({ province, provinceName, hasMap }: BaseMapUploadProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [approvalNumber, setApprovalNumber] = useState("");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useUploadBaseMap();
  const remove = useDeleteBaseMap();

  // The API names the rule broken (and the feature); each rule has its own words here.
  const rejection = (error: unknown) =>
    error instanceof ApiError && error.status === 400 && error.rule
      ? t(`map.upload.rule.${error.rule}`, {
          defaultValue: errorText(error, t, "upload"),
          detail: error.message,
        })
      : errorText(error, t, "upload");

  const close = () => {
    setOpen(false);
    setFile(null);
    setFileError(null);
    upload.reset();
  };
  const choose = async (chosen: File | undefined) => {
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setFileError(t("map.upload.tooLarge"));
      return;
    }
    setFile({ name: chosen.name, text: await chosen.text() });
  };
  const submit = () => {
    if (!file) return;
    upload.mutate(
      { province, approvalNumber: approvalNumber.trim(), geojson: file.text },
      { onSuccess: close },
    );
  };

  return (
    <>
      <Space size={4}>
        <Button size="small" onClick={() => setOpen(true)} data-testid="base-map-upload-open">
          {hasMap ? t("map.upload.replace") : t("map.upload.open")}
        </Button>
        {hasMap ? (
          <Popconfirm
            title={t("map.upload.removeConfirm", { name: provinceName })}
            onConfirm={() => remove.mutate(province)}
          >
            <Button size="small" danger loading={remove.isPending}>
              {t("map.upload.remove")}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <Modal
        open={open}
        title={t("map.upload.title", { name: provinceName })}
        onCancel={close}
        onOk={submit}
        okText={t("map.upload.submit")}
        okButtonProps={{
          disabled: !file || approvalNumber.trim() === "",
          loading: upload.isPending,
          "data-testid": "base-map-upload-submit",
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("map.upload.help")}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t("map.upload.approvalNumber")} required>
            <Input
              value={approvalNumber}
              maxLength={60}
              placeholder="浙S(2023)12号"
              data-testid="base-map-approval-number"
              onChange={(event) => setApprovalNumber(event.target.value)}
            />
          </Form.Item>
          <Form.Item label={t("map.upload.file")} required>
            <input
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              data-testid="base-map-file"
              aria-label={t("map.upload.file")}
              onChange={(event) => void choose(event.target.files?.[0])}
            />
          </Form.Item>
        </Form>
        {fileError ? <Alert type="error" showIcon message={fileError} /> : null}
        {upload.isError ? (
          <Alert
            type="error"
            showIcon
            data-testid="base-map-upload-error"
            message={rejection(upload.error)}
          />
        ) : null}
      </Modal>
    </>
  );
}
