# syntax=docker/dockerfile:1
# weekly-faq: the compiled service on Node 24 LTS. Build: `docker build -t weekly-faq .`; run it with
# docker-compose.yml (a Meilisearch container beside it). Not built on the machines it was written on
# (no Docker engine there): tests/docker-compose.test.ts checks it against package.json and src/config.ts.
#
# The image has no Meilisearch: MEILI_URL and MEILI_MASTER_KEY are required (without them the start
# stops with "No Meilisearch binary: ... Set ... MEILI_URL to a running server").

# One pinned Node LTS image for every stage (Debian bookworm, slim).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# Build: devDependencies (esbuild, tsx) compile dist/ and bundle the page and widget. Optional
# packages stay: esbuild's own binary (@esbuild/linux-x64) is one; none of this stage is shipped.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.ts scripts/
COPY src src
COPY indexer indexer
COPY api api
COPY web web
COPY samples samples
RUN npm run build

# Run-time packages only: no devDependencies. Optional packages stay (libsql's SQLite binary, for
# the search insights, is one); the optional embedded Meilisearch binary goes: MEILI_URL is required here.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && rm -rf node_modules/@gaubee && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 (signals reach node, zombies are reaped); git for a git WEEKLY_SOURCE
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini git ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data && chown node:node /data
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
VOLUME ["/data"]
EXPOSE 3000
USER node
# /readyz: Meilisearch answers and the index has documents. The first start indexes WEEKLY_SOURCE
# (a clone of the docs site) before it listens, hence the long start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# node directly (no npm, no shell): SIGTERM from `docker stop` reaches the service's graceful stop
CMD ["node", "--enable-source-maps", "dist/api/main.js"]
