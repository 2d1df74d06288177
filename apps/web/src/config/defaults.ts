/**
 * What the dashboard opens on when the URL names nothing. The seeded demo data covers 2020–2022;
 * Guangdong's first quarter of 2020 is the period of the provincial bulletin it reproduces.
 */
export const DEFAULTS = {
  region: "440000",
  year: 2020,
  month: 3,
} as const;

export const FIRST_YEAR = 2018;
