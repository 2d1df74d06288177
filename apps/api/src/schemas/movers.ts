import { type Static, Type } from "typebox";
import { Indicator } from "./catalogue.js";
import { Include, Month, RegionCode, RegionRef, Year } from "./common.js";
import { Status } from "./progress.js";
import { SupervisionKind } from "./supervision.js";

export const MoversQuery = Type.Object(
  { region: RegionCode, year: Year, month: Month, include: Include },
  { additionalProperties: false },
);

const Move = Type.Object({
  indicator: Indicator,
  region: RegionRef,
  places: Type.Integer({ description: "places gained in the lag ranking (negative: lost)" }),
  rank: Type.Integer({ description: "rank this month by lag against the schedule" }),
  lagChangePp: Type.Union([Type.Number(), Type.Null()], {
    description: "change of the lag in percentage points (positive: caught up)",
  }),
});

const Turn = Type.Object({ indicator: Indicator, region: RegionRef, from: Status, to: Status });

/** What changed since last month under a region (本月变动). */
export const MoversResponse = Type.Object({
  region: RegionRef,
  year: Type.Integer(),
  month: Type.Integer(),
  /** The month compared with: the month before (December of last year for January). */
  previous: Type.Object({ year: Type.Integer(), month: Type.Integer() }),
  gains: Type.Array(Move),
  falls: Type.Array(Move),
  turnedRed: Type.Array(Turn),
  recovered: Type.Array(Turn),
  /** Supervision records opened in the month under the region. */
  newSupervision: Type.Array(
    Type.Object({
      id: Type.Integer(),
      region: RegionRef,
      kind: SupervisionKind,
      heldOn: Type.String(),
    }),
  ),
});
export type MoversResponse = Static<typeof MoversResponse>;
