import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useRouteError } from "react-router";
import { StatusResult } from "@/components/ui/status-result";
import { ApiError, NetworkError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";

/**
 * A screen's code that could not be downloaded: after a deploy the old chunk names are gone, or
 * the connection dropped. Browsers word it differently; a reload fetches the current version.
 */
export function isChunkError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|module script failed|ChunkLoadError|Unable to preload CSS/i.test(
    text,
  );
}

/**
 * What a route shows when it fails to render, instead of React Router's page for developers: in
 * the interface's language, with a way on (try again, reload, home).
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const chunk = isChunkError(error);
  const known = error instanceof ApiError || error instanceof NetworkError;
  // React keeps a failed lazy import failed: only a reload fetches the code again.
  const retry = chunk
    ? () => window.location.reload()
    : () => navigate(`${location.pathname}${location.search}`, { replace: true });
  return (
    <div className="route-error" data-testid="route-error" data-kind={chunk ? "chunk" : "error"}>
      <StatusResult
        status={chunk ? "warning" : "error"}
        title={t(chunk ? "errorPage.chunkTitle" : "errorPage.title")}
        subTitle={
          chunk
            ? t("errorPage.chunkDescription")
            : known
              ? errorText(error, t, "load")
              : t("errorPage.description")
        }
        extra={[
          <Button key="retry" type="primary" data-testid="route-error-retry" onClick={retry}>
            {t(chunk ? "errorPage.reload" : "errorPage.retry")}
          </Button>,
          // A full page load: the shell itself may be the stale part.
          <Button key="home" href="/" data-testid="route-error-home">
            {t("errorPage.home")}
          </Button>,
        ]}
      />
    </div>
  );
}
