import { Suspense } from "react";
import { RouterProvider } from "react-router";
import { paths } from "@/config/paths";
import { FullPageSpin } from "@/features/auth/components/require-session";
import { onUnauthorized } from "@/lib/api-client";
import type { LoginReason } from "@/lib/auth";
import { AppProvider } from "./provider";
import { router } from "./router";

// A 401 from any call: the session ended (idle 30 minutes, the account signed in elsewhere...).
// Off to the sign-in page, which says why, forgets the old session and brings the user back here.
onUnauthorized((reason) => {
  const { pathname, search } = router.state.location;
  if (pathname === paths.login) return;
  void router.navigate(`${paths.login}?next=${encodeURIComponent(`${pathname}${search}`)}`, {
    replace: true,
    state: { reason: reason ?? "expired" } satisfies { reason: LoginReason },
  });
});

export function App() {
  return (
    <AppProvider>
      <Suspense fallback={<FullPageSpin />}>
        <RouterProvider router={router} />
      </Suspense>
    </AppProvider>
  );
}
