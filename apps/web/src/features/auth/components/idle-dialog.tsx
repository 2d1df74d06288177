import { Button, Modal } from "antd";
import { useTranslation } from "react-i18next";

/** The idle warning's dialog (idle-warning.tsx has the clock and what the buttons do). */
export default function IdleDialog({
  text,
  staying,
  onStay,
  onSignOut,
}: {
  text: string;
  staying: boolean;
  onStay: () => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      keyboard={false}
      title={t("idle.title")}
      wrapClassName="idle-warning"
      footer={[
        <Button key="sign-out" data-testid="idle-sign-out" onClick={onSignOut}>
          {t("idle.signOut")}
        </Button>,
        <Button
          key="stay"
          type="primary"
          data-testid="idle-stay"
          loading={staying}
          onClick={onStay}
        >
          {t("idle.stay")}
        </Button>,
      ]}
    >
      <p data-testid="idle-warning-text">{text}</p>
      <p className="muted">{t("idle.kept")}</p>
    </Modal>
  );
}
