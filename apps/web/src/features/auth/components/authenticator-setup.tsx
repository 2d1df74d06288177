import { Alert, Button, Form, Input, Skeleton, Typography } from "antd";
import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "@/lib/api-client";
import { type Session, useTotpSetup, useTotpVerify } from "@/lib/auth";
import { errorText } from "@/lib/error-text";

/** The otpauth:// link as a QR code image (a data: URL, which the CSP allows), or null. */
function useQrCode(text: string | undefined): string | null {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    let current = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 1, width: 192 })
      .then((url) => current && setImage(url))
      .catch(() => current && setImage(null));
    return () => {
      current = false;
    };
  }, [text]);
  return image;
}

/**
 * Enrolment of an authenticator app: the API makes a secret, the user scans it (a QR code of the
 * otpauth link, or the key as text) and proves it with a first code.
 */
export function AuthenticatorSetup({ onSuccess }: { onSuccess: (session: Session) => void }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const verify = useTotpVerify();
  const start = setup.mutate;
  const qrCode = useQrCode(setup.data?.otpauthUrl);
  // One secret per visit; StrictMode's second effect run must not ask for another.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  if (setup.isError) {
    return <Alert type="error" showIcon role="alert" title={errorText(setup.error, t)} />;
  }
  if (!setup.data) return <Skeleton active />;
  const { secret, otpauthUrl } = setup.data;
  return (
    <div className="authenticator-setup">
      <Typography.Paragraph>{t("account.totpStep1")}</Typography.Paragraph>
      {qrCode ? (
        <img
          className="authenticator-qr"
          src={qrCode}
          width={192}
          height={192}
          alt={t("account.qrCode")}
          data-testid="totp-qr"
        />
      ) : null}
      <dl className="authenticator-secret">
        <dt>{t("account.secret")}</dt>
        <dd>
          <Typography.Text code copyable={{ text: secret }} data-testid="totp-secret">
            {secret.replace(/(.{4})/g, "$1 ").trim()}
          </Typography.Text>
        </dd>
        <dt>{t("account.otpauthUrl")}</dt>
        <dd>
          <Typography.Link href={otpauthUrl} data-testid="totp-url" className="otpauth-url">
            {otpauthUrl}
          </Typography.Link>
        </dd>
      </dl>
      <Typography.Paragraph>{t("account.totpStep2")}</Typography.Paragraph>
      <Form<{ code: string }>
        layout="vertical"
        requiredMark={false}
        disabled={verify.isPending}
        onFinish={(values) => verify.mutate({ code: values.code }, { onSuccess })}
      >
        {verify.isError ? (
          <Alert
            className="auth-alert"
            type="error"
            showIcon
            role="alert"
            data-testid="totp-error"
            title={
              verify.error instanceof ApiError && verify.error.status === 400
                ? t("auth.wrongTotp")
                : errorText(verify.error, t)
            }
          />
        ) : null}
        <Form.Item
          name="code"
          label={t("auth.totp")}
          rules={[
            { required: true, message: t("auth.required") },
            { pattern: /^[0-9]{6}$/, message: t("auth.totpInvalid") },
          ]}
        >
          <Input
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            data-testid="totp-code"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={verify.isPending}
          data-testid="totp-submit"
        >
          {t("account.verify")}
        </Button>
      </Form>
    </div>
  );
}
