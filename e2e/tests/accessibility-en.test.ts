import { checkEveryScreen } from "../support/accessibility.js";
import { useBrowser } from "../support/browser.js";

const browser = useBrowser();

checkEveryScreen(browser, "en");
