/**
 * Where each region's tile sits on the tile-grid map: one equal square per region, laid out
 * roughly as the regions lie (column west → east, row north → south), so the map needs no
 * boundary data (which may only be published with an approval number, 审图号). Keyed by
 * GB/T 2260 code; short names for regions the catalogue may lack (Taiwan, Hong Kong, Macao).
 */
export interface GridCell {
  col: number;
  row: number;
  zh: string;
  en: string;
}

const cell = (col: number, row: number, zh: string, en: string): GridCell => ({ col, row, zh, en });

/** The 31 provinces of the mainland, with Taiwan, Hong Kong and Macao. */
export const PROVINCE_GRID: Record<string, GridCell> = {
  "230000": cell(8, 0, "黑龙江", "Heilongjiang"),
  "650000": cell(1, 1, "新疆", "Xinjiang"),
  "150000": cell(5, 1, "内蒙古", "Inner Mongolia"),
  "110000": cell(6, 1, "北京", "Beijing"),
  "210000": cell(7, 1, "辽宁", "Liaoning"),
  "220000": cell(8, 1, "吉林", "Jilin"),
  "630000": cell(2, 2, "青海", "Qinghai"),
  "620000": cell(3, 2, "甘肃", "Gansu"),
  "640000": cell(4, 2, "宁夏", "Ningxia"),
  "140000": cell(5, 2, "山西", "Shanxi"),
  "130000": cell(6, 2, "河北", "Hebei"),
  "120000": cell(7, 2, "天津", "Tianjin"),
  "540000": cell(1, 3, "西藏", "Tibet"),
  "510000": cell(3, 3, "四川", "Sichuan"),
  "610000": cell(4, 3, "陕西", "Shaanxi"),
  "410000": cell(5, 3, "河南", "Henan"),
  "370000": cell(6, 3, "山东", "Shandong"),
  "500000": cell(3, 4, "重庆", "Chongqing"),
  "420000": cell(4, 4, "湖北", "Hubei"),
  "340000": cell(5, 4, "安徽", "Anhui"),
  "320000": cell(6, 4, "江苏", "Jiangsu"),
  "310000": cell(7, 4, "上海", "Shanghai"),
  "520000": cell(3, 5, "贵州", "Guizhou"),
  "430000": cell(4, 5, "湖南", "Hunan"),
  "360000": cell(5, 5, "江西", "Jiangxi"),
  "330000": cell(6, 5, "浙江", "Zhejiang"),
  "530000": cell(2, 6, "云南", "Yunnan"),
  "450000": cell(3, 6, "广西", "Guangxi"),
  "440000": cell(4, 6, "广东", "Guangdong"),
  "350000": cell(5, 6, "福建", "Fujian"),
  "710000": cell(6, 6, "台湾", "Taiwan"),
  "460000": cell(3, 7, "海南", "Hainan"),
  "820000": cell(4, 7, "澳门", "Macao"),
  "810000": cell(5, 7, "香港", "Hong Kong"),
};

/** Cities of the provinces the demo data covers; others fall back to rows in code order. */
export const CITY_GRID: Record<string, Record<string, GridCell>> = {
  "330000": {
    "330500": cell(1, 0, "湖州", "Huzhou"),
    "330400": cell(2, 0, "嘉兴", "Jiaxing"),
    "330100": cell(1, 1, "杭州", "Hangzhou"),
    "330600": cell(2, 1, "绍兴", "Shaoxing"),
    "330200": cell(3, 1, "宁波", "Ningbo"),
    "330900": cell(4, 1, "舟山", "Zhoushan"),
    "330800": cell(0, 2, "衢州", "Quzhou"),
    "330700": cell(1, 2, "金华", "Jinhua"),
    "331000": cell(3, 2, "台州", "Taizhou"),
    "331100": cell(1, 3, "丽水", "Lishui"),
    "330300": cell(2, 3, "温州", "Wenzhou"),
  },
  "440000": {
    "440200": cell(3, 0, "韶关", "Shaoguan"),
    "441400": cell(6, 0, "梅州", "Meizhou"),
    "441200": cell(1, 1, "肇庆", "Zhaoqing"),
    "441800": cell(2, 1, "清远", "Qingyuan"),
    "440100": cell(3, 1, "广州", "Guangzhou"),
    "441600": cell(4, 1, "河源", "Heyuan"),
    "445200": cell(5, 1, "揭阳", "Jieyang"),
    "445100": cell(6, 1, "潮州", "Chaozhou"),
    "445300": cell(1, 2, "云浮", "Yunfu"),
    "440600": cell(2, 2, "佛山", "Foshan"),
    "441900": cell(3, 2, "东莞", "Dongguan"),
    "441300": cell(4, 2, "惠州", "Huizhou"),
    "441500": cell(5, 2, "汕尾", "Shanwei"),
    "440500": cell(6, 2, "汕头", "Shantou"),
    "440900": cell(0, 3, "茂名", "Maoming"),
    "441700": cell(1, 3, "阳江", "Yangjiang"),
    "440700": cell(2, 3, "江门", "Jiangmen"),
    "442000": cell(3, 3, "中山", "Zhongshan"),
    "440300": cell(4, 3, "深圳", "Shenzhen"),
    "440800": cell(0, 4, "湛江", "Zhanjiang"),
    "440400": cell(3, 4, "珠海", "Zhuhai"),
  },
};

/** A region's name without its level's suffix, for a small tile: 杭州市 → 杭州. */
export const shortName = (name: string) =>
  name.length > 2 ? name.replace(/(市|地区|自治州|盟|省|自治区|特别行政区)$/u, "") : name;

export interface PlacedRegion<T> {
  code: string;
  col: number;
  row: number;
  item: T;
}

/**
 * Places regions on the grid: those the table knows where it says, the rest after them, in code
 * order, in rows as wide as the table's widest (at least four).
 */
export function placeOnGrid<T extends { code: string }>(
  items: readonly T[],
  table: Record<string, GridCell> | undefined,
): { placed: PlacedRegion<T>[]; cols: number; rows: number } {
  const cells = table ?? {};
  const known = items.filter((item) => cells[item.code]);
  const rest = items
    .filter((item) => !cells[item.code])
    .sort((a, b) => a.code.localeCompare(b.code));
  const placed: PlacedRegion<T>[] = known.map((item) => {
    const { col, row } = cells[item.code] as GridCell;
    return { code: item.code, col, row, item };
  });
  let cols = Math.max(4, ...placed.map((p) => p.col + 1));
  if (placed.length === 0) cols = Math.max(4, Math.ceil(Math.sqrt(rest.length * 1.5)));
  const firstFree = placed.length === 0 ? 0 : Math.max(...placed.map((p) => p.row)) + 1;
  rest.forEach((item, i) => {
    placed.push({ code: item.code, col: i % cols, row: firstFree + Math.floor(i / cols), item });
  });
  const rows = Math.max(1, ...placed.map((p) => p.row + 1));
  return { placed, cols, rows };
}

/** A province's cities as the map draws them: short names from the table where it has them. */
export function cityItems<L extends { region: { code: string; nameZh: string; nameEn: string } }>(
  lines: readonly L[],
  province: string,
  language: "zh-CN" | "en",
): { code: string; name: string; line: L }[] {
  const table = CITY_GRID[province];
  return lines.map((line) => {
    const cell = table?.[line.region.code];
    const name = cell
      ? language === "en"
        ? cell.en
        : cell.zh
      : shortName(language === "en" ? line.region.nameEn : line.region.nameZh);
    return { code: line.region.code, name, line };
  });
}
