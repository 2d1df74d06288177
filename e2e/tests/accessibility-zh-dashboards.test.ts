import { checkScreens } from "../support/accessibility.js";
import { useBrowser } from "../support/browser.js";

const browser = useBrowser();

checkScreens(browser, "zh-CN", "dashboards");
