import { QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import type { ReactNode } from "react";
import { useLanguage } from "@/hooks/use-language";
import { FeedbackProvider } from "@/lib/feedback";
import { antdLocale } from "@/lib/i18n";
import { queryClient } from "@/lib/query-client";

const theme = {
  zeroRuntime: true,
  token: {
    colorPrimary: "#0072B2",
    borderRadius: 6,
    // Secondary and placeholder text at 4.5:1 or more on white (WCAG AA), antd's own are ~3:1.
    colorLink: "#005F94",
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    // Danger buttons (退回, 删除) in every variant at 4.5:1: antd's #ff4d4f is 3.3:1 on white.
    // Only the buttons: a darker global error seed would grey the error alerts' backgrounds.
    Button: { colorError: "#cf1322", colorErrorHover: "#a8071a", colorErrorActive: "#820014" },
  },
};

export function AppProvider({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocale(language)} theme={theme}>
        <FeedbackProvider>
          {/* antd's App gave the text its colour, size and font; styles.css does now. */}
          <div className="app-root">{children}</div>
        </FeedbackProvider>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
