import { BASE_MAP_MAX_CHARS } from "@jindu/domain";
import { type Static, Type } from "typebox";
import { RegionCode } from "./common.js";

export const BaseMapParams = Type.Object({ province: RegionCode });

export const BaseMapUpload = Type.Object(
  {
    approvalNumber: Type.String({
      maxLength: 60,
      description: "the map's approval number (审图号), e.g. 浙S(2023)12号; shown with the map",
    }),
    geojson: Type.String({
      maxLength: BASE_MAP_MAX_CHARS,
      description:
        "GeoJSON FeatureCollection text of Polygon/MultiPolygon features, each with its GB/T " +
        "2260 code in the property code (or adcode, gb_code); at most 5,000,000 characters",
    }),
  },
  { additionalProperties: false },
);
export type BaseMapUpload = Static<typeof BaseMapUpload>;

/** What an upload answers (and the audit log keeps): the map without its polygons. */
export const BaseMapSummary = Type.Object({
  province: Type.String(),
  approvalNumber: Type.String(),
  regionCount: Type.Integer(),
  uploadedBy: Type.String(),
  uploadedAt: Type.String({ format: "date-time" }),
});
export type BaseMapSummary = Static<typeof BaseMapSummary>;

const Position = Type.Array(Type.Number(), { description: "[longitude, latitude]" });

export const BaseMapResponse = Type.Object({
  map: Type.Union([
    Type.Null(),
    Type.Object({
      ...BaseMapSummary.properties,
      regions: Type.Array(
        Type.Object({
          code: Type.String(),
          polygons: Type.Array(Type.Array(Type.Array(Position)), {
            description: "polygons, each a list of rings, the first its outline",
          }),
        }),
      ),
    }),
  ]),
});
export type BaseMapResponse = Static<typeof BaseMapResponse>;
