import { Suspense } from "react";
import { RouterProvider } from "react-router";
import { paths } from "@/config/paths";
import { FullPageSpin } from "@/features/auth/components/require-session";
import { onUnauthorized } from "@/lib/api-client";
import { endSessionLocally } from "@/lib/auth";
import { AppProvider } from "./provider";
import { router } from "./router";

let redirecting = false;
// A 401 from any call: the session ended (idle 30 minutes, or the account signed in elsewhere).
// Off to the sign-in page, which brings the user back here; nothing of the old session is kept.
onUnauthorized(() => {
  if (redirecting) return;
  redirecting = true;
  const { pathname, search } = router.state.location;
  const next = pathname === paths.login ? "/" : `${pathname}${search}`;
  void router
    .navigate(`${paths.login}?next=${encodeURIComponent(next)}`, {
      replace: true,
      state: { reason: "expired" },
    })
    .then(() => {
      endSessionLocally();
      redirecting = false;
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
