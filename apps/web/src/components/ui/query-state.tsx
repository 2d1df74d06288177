import type { UseQueryResult } from "@tanstack/react-query";
import { Button, Empty, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusResult } from "@/components/ui/status-result";
import { ApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** Whether the data has nothing to show; an empty state replaces the children then. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  skeletonRows?: number;
  children: (data: T) => ReactNode;
}

/** Loading, error and empty states in one place, so every screen shows them the same way. */
export function QueryState<T>({
  query,
  isEmpty,
  emptyText,
  skeletonRows = 6,
  children,
}: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div role="status" aria-label={t("common.loading")}>
        <Skeleton active paragraph={{ rows: skeletonRows }} />
      </div>
    );
  }
  if (query.isError) {
    return (
      <StatusResult
        status="warning"
        title={t("common.error")}
        subTitle={
          query.error instanceof ApiError && query.error.status === 403
            ? t("common.forbidden")
            : errorText(query.error, t, "load")
        }
        extra={
          <Button type="primary" onClick={() => query.refetch()}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  }
  if (isEmpty?.(query.data)) {
    return <Empty description={emptyText ?? t("common.empty")} />;
  }
  return <>{children(query.data)}</>;
}
