import { addTexts } from "@/lib/i18n";
/** The movers card's texts, under t("movers.…"); English must have the same keys. */
export const zhCN = {
  title: "本月变动",
  since: "与{{year}}年{{month}}月相比",
  gains: "排名上升",
  falls: "排名下降",
  turnedRed: "新转为严重滞后",
  recovered: "恢复序时进度",
  newSupervision: "本月新开督办",
  places_up: "↑{{count}}位",
  places_down: "↓{{count}}位",
  rankNow: "现第{{rank}}名",
  none: "与上月相比没有变化",
  more: "另有{{count}}项",
  hint: "按滞后于序时进度的程度排名；排名变化为与上月相比上升或下降的位次",
};

export const en: typeof zhCN = {
  title: "Since last month",
  since: "Compared with {{month}}/{{year}}",
  gains: "Moved up",
  falls: "Moved down",
  turnedRed: "Newly far behind",
  recovered: "Back on schedule",
  newSupervision: "Supervision opened this month",
  places_up: "↑{{count}}",
  places_down: "↓{{count}}",
  rankNow: "now #{{rank}}",
  none: "Nothing changed since last month",
  more: "{{count}} more",
  hint: "Ranked by lag against the schedule; the change is the places gained or lost since last month",
};

addTexts("movers", { zhCN, en });
