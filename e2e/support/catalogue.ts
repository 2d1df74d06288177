/**
 * A province's own indicator seeded for the browser tests (global-setup.ts), owned by Shanxi,
 * whose screens no test opens: a national reader's catalogue lists it, another province's screens
 * must not (an indicator of Zhejiang's, added by one test while another read Guangdong's region
 * page, once made that page ask for its trend and fail with a 400).
 */
export const SHANXI_OWN_INDICATOR = { code: "shanxi_own_projects", ownerCode: "140000" } as const;
