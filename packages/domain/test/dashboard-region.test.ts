import { describe, expect, it } from "vitest";
import {
  dashboardProvince,
  defaultDashboardRegion,
  NATIONAL_DEFAULT_REGION,
} from "../src/index.js";

describe("the region a dashboard shows when its address names none", () => {
  it("is the user's own province, a city bureau's or a county's included", () => {
    expect(defaultDashboardRegion("330000")).toBe("330000");
    expect(defaultDashboardRegion("330300")).toBe("330000");
    expect(defaultDashboardRegion("330302")).toBe("330000");
    expect(dashboardProvince("440100")).toBe("440000");
  });

  it("is Guangdong for a national account, which reads the whole country", () => {
    expect(dashboardProvince(null)).toBeNull();
    expect(defaultDashboardRegion(null)).toBe(NATIONAL_DEFAULT_REGION);
    expect(defaultDashboardRegion(undefined)).toBe("440000");
  });
});
