import { UserOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { regionPath, useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { useUser } from "@/lib/auth";
import { nameOf } from "@/utils/format";
import { useSignOut } from "./sign-out-button";

// The menu (antd Dropdown and Menu, ~15 KB gzip) only opens on a click: its code follows the
// first screen instead of holding it up.
const UserMenuDropdown = lazy(() => import("./user-menu-dropdown"));

/** The region's name in the current language; the whole country for national accounts. */
export function useScopeName(regionCode: string | null): string {
  const { t } = useTranslation();
  const language = useLanguage();
  const regions = useRegions();
  if (regionCode === null) return t("user.nationwide");
  const region = regionPath(regions.data, regionCode).at(-1);
  return region ? nameOf(region, language) : regionCode;
}

/** Who is signed in (name, role, scope), and signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut, isPending } = useSignOut();
  // Controlled here, so that a click before the menu's code has arrived still opens it.
  const [open, setOpen] = useState(false);
  const button = (onClick?: () => void) => (
    <Button
      className="user-menu"
      data-testid="user-menu"
      icon={<UserOutlined />}
      // Starts with the visible name (WCAG 2.5.3: label in name).
      aria-label={`${user.displayName} · ${t("user.menu")}`}
      loading={isPending}
      onClick={onClick}
    >
      <span className="user-menu-label">{user.displayName}</span>
    </Button>
  );
  return (
    <Suspense fallback={button(() => setOpen(true))}>
      <UserMenuDropdown open={open} onOpenChange={setOpen} signOut={signOut}>
        {button()}
      </UserMenuDropdown>
    </Suspense>
  );
}
