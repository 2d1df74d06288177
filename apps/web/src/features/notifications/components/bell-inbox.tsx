import { Alert, Badge, Button, Empty, Popover, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "@/hooks/use-language";
import { formatBeijingTime } from "@/utils/format";
import { type Notification, useMarkAllRead, useNotifications } from "../api/notifications";
import "@/features/notifications/locales";

/** One notification: what happened, why, when; unread ones stand out. */
function Item({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unread = n.readAt === null;
  return (
    <button
      type="button"
      className={`inbox-item${unread ? " inbox-item-unread" : ""}`}
      data-testid={`inbox-item-${n.id}`}
      data-kind={n.kind}
      data-link={n.link}
      data-unread={unread}
      onClick={() => onOpen(n)}
    >
      <span className="inbox-item-title">
        {unread && <Badge status="processing" aria-label={t("notifications.unread")} />}
        {language === "en" ? n.titleEn : n.titleZh}
      </span>
      {n.body && (
        <span className="inbox-item-body">{t("notifications.reason", { reason: n.body })}</span>
      )}
      <span className="inbox-item-time">{formatBeijingTime(n.createdAt, language)}</span>
    </button>
  );
}

/** The inbox's list, loaded when it opens. */
function Inbox({ onOpen }: { onOpen: (n: Notification) => void }) {
  const { t } = useTranslation();
  const list = useNotifications(true);
  const readAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  return (
    <div className="inbox" data-testid="inbox">
      <div className="inbox-head">
        <strong>{t("notifications.title")}</strong>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
          data-testid="inbox-read-all"
        >
          {t("notifications.readAll")}
        </Button>
      </div>
      {list.isPending ? (
        <Spin />
      ) : list.isError ? (
        <Alert type="error" title={t("notifications.loadFailed")} />
      ) : list.data.notifications.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      ) : (
        <div className="inbox-list">
          {list.data.notifications.map((n) => (
            <Item key={n.id} n={n} onOpen={onOpen} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The bell's badge and inbox (notification-bell.tsx), a chunk of their own: the first screen
 * shows the bell at once and these follow.
 */
export default function BellInbox({
  count,
  open,
  onOpenChange,
  onOpen,
  icon,
  button,
}: {
  count: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onOpen: (n: Notification) => void;
  icon: ReactNode;
  button: (icon: ReactNode) => ReactNode;
}) {
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={onOpenChange}
      content={<Inbox onOpen={onOpen} />}
      destroyOnHidden
    >
      {button(
        <Badge count={count} size="small" overflowCount={99} data-testid="bell-count">
          {icon}
        </Badge>,
      )}
    </Popover>
  );
}
