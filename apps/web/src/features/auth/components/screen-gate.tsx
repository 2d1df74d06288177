import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { canOpen, homeOf, type ScreenPath } from "@/config/nav";
import { paths } from "@/config/paths";
import { useUser } from "@/lib/auth";
import { NoDashboard } from "./no-dashboard";

/**
 * A screen for the roles that work on it. The home page sends others to their own first screen;
 * any other screen says it is not for this role, rather than showing the API's refusals.
 */
export function ScreenGate({ screen, children }: { screen: ScreenPath; children: ReactNode }) {
  const user = useUser();
  if (canOpen(user.role, screen)) return children;
  if (screen === paths.overview) return <Navigate to={homeOf(user.role)} replace />;
  return <NoDashboard />;
}
