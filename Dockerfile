# One image serves the API and the built dashboard on one port. Two stages: `build` installs
# every dependency and builds the web app and the API bundle (apps/api/build.ts); the runtime
# stage holds the API's production dependencies only, the bundle and the files it reads, and runs
# plain node as an unprivileged user. Only the npm registry is reached (and Debian's, by the base
# image's own packages: none are added).
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@12.21.0
WORKDIR /app
# The packages first, from the lockfile alone: a change to the sources reuses this layer.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
# Then /deploy: apps/api's package.json, dist (its "files") and a node_modules of its production
# dependencies only (the bundle has @jindu/db and @jindu/domain inside).
RUN pnpm install --frozen-lockfile --offline \
  && pnpm --filter @jindu/web build \
  && pnpm --filter @jindu/api build \
  && pnpm --filter @jindu/api --prod --offline deploy /deploy

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# Two malloc arenas instead of one per thread: the server's resident memory after a month-end
# burst 227 MB instead of 340–540 MB (issue 16, BENCHMARKS.md), for the same requests.
ENV MALLOC_ARENA_MAX=2
# The repository's layout, which the bundle's paths follow: packages/db's migrations and seed
# data beside it, the web app at apps/web/dist, the embedded database's data in /app/.data.
WORKDIR /app
COPY --from=build /deploy apps/api
COPY --from=build /app/packages/db/drizzle packages/db/drizzle
COPY --from=build /app/packages/db/seed-data packages/db/seed-data
COPY --from=build /app/apps/web/dist apps/web/dist
# Without DATABASE_URL the embedded database lives there: mount a volume on /app/.data to keep it.
RUN mkdir .data && chown node:node .data
USER node
WORKDIR /app/apps/api
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/server.js"]
