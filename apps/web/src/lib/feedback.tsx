import { message } from "antd";
import type { MessageInstance } from "antd/es/message/interface";
import { createContext, type ReactNode, useContext } from "react";

const MessageContext = createContext<MessageInstance | null>(null);

/**
 * The toasts (antd message) every screen may show, in the app's theme and language. antd's App
 * gave these too, with its notification and modal hooks, which no screen here uses from it: their
 * code stayed in the first download.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <MessageContext.Provider value={api}>
      {holder}
      {children}
    </MessageContext.Provider>
  );
}

/** Toasts: `const message = useMessage(); message.success(…)`. */
export function useMessage(): MessageInstance {
  const api = useContext(MessageContext);
  if (!api) throw new Error("useMessage outside FeedbackProvider");
  return api;
}
