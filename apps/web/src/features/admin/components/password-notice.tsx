import { Alert, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import "@/features/admin/locales";

interface PasswordNoticeProps {
  /** The account and its new temporary password; null hides the notice. */
  shown: { username: string; password: string } | null;
  onClose: () => void;
}

/** The temporary password, shown once: it is kept nowhere but in the administrator's hands. */
export function PasswordNotice({ shown, onClose }: PasswordNoticeProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={shown !== null}
      title={t("admin.users.passwordTitle")}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: "none" } }}
      destroyOnHidden
      data-testid="password-notice"
    >
      {shown ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t("admin.users.passwordOnce", { username: shown.username })}
          />
          <Typography.Paragraph
            className="admin-temp-password"
            copyable={{
              text: shown.password,
              tooltips: [t("admin.users.copy"), t("admin.users.copied")],
            }}
          >
            <code data-testid="temporary-password">{shown.password}</code>
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
