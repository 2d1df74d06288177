import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { rule } from "../../../auth-rules.js";
import {
  BulletinQuery,
  BulletinResponse,
  BulletinXlsxQuery,
  errorResponses,
} from "../../../schemas/index.js";
import { bulletinOf } from "../../../services/bulletin.js";
import { bulletinWorkbook } from "../../../services/spreadsheets/bulletin.js";
import { sendWorkbook } from "../../../services/spreadsheets/upload.js";

/** The monthly bulletin (工作情况通报): provincial officials and leadership over their region. */
const auth = rule(["province", "leader"], { in: "query", key: "region" });

const route: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/",
    {
      config: { cacheable: true, auth },
      schema: {
        tags: ["dashboard"],
        summary:
          "A month's bulletin: every indicator against schedule, the children's ranking, who lags, who has not reported",
        querystring: BulletinQuery,
        response: { 200: BulletinResponse, ...errorResponses },
      },
    },
    async (request) => bulletinOf(app.db, request.query),
  );

  app.get(
    "/xlsx",
    {
      config: { auth },
      schema: {
        tags: ["dashboard"],
        summary:
          "The month's bulletin as .xlsx, the same numbers as the JSON (lang=en for English)",
        querystring: BulletinXlsxQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { region, year, month, lang = "zh" } = request.query;
      const bulletin = await bulletinOf(app.db, { region, year, month });
      const bytes = await bulletinWorkbook(bulletin, lang);
      const name =
        lang === "en"
          ? `bulletin-${region}-${year}-${month}.xlsx`
          : `通报-${bulletin.region.nameZh}-${year}年${month}月.xlsx`;
      return sendWorkbook(reply, name, bytes);
    },
  );
};
export default route;
