import { BellOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type Notification, useMarkRead, useUnreadCount } from "../api/notifications";
import "@/features/notifications/locales";

// The badge and the inbox (antd Badge, Popover, Alert) follow the first screen: the bell is
// there at once, its count as soon as the API says it.
const BellInbox = lazy(() => import("./bell-inbox"));

/** The header's bell: the unread count, and the inbox under it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount().data?.unread ?? 0;
  const markRead = useMarkRead();
  const openItem = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    setOpen(false);
    navigate(n.link);
  };
  const icon = <BellOutlined style={{ fontSize: 18 }} />;
  const button = (inner: ReactNode, onClick?: () => void) => (
    <Button
      type="text"
      data-testid="bell"
      data-count={count}
      aria-label={count > 0 ? t("notifications.bellCount", { count }) : t("notifications.bell")}
      icon={inner}
      onClick={onClick}
    />
  );
  return (
    // A click before the inbox's code has arrived opens it once it has.
    <Suspense fallback={button(icon, () => setOpen(true))}>
      <BellInbox
        count={count}
        open={open}
        onOpenChange={setOpen}
        onOpen={openItem}
        icon={icon}
        button={(inner) => button(inner)}
      />
    </Suspense>
  );
}
