# One image per service: docker-compose.yml builds it twice, with APP=ingestor and APP=centre.
#   docker build --build-arg APP=ingestor -t wenzhou-hydro/ingestor .

# Build stage: the full Debian image has the compilers a native module (better-sqlite3) needs.
FROM node:20-bookworm AS build
WORKDIR /app
# Dependencies first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci
# Only what the build reads; copying the whole context would bring in the host's
# node_modules and dist.
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
# `npm run build` compiles and rewrites the @hydro/* path aliases to relative paths.
RUN npm run build
# Production dependencies only, for the runtime stage.
RUN npm prune --omit=dev

# Runtime stage: same Debian release as the build stage, so native modules load.
FROM node:20-bookworm-slim
ARG APP
ENV NODE_ENV=production \
    APP=${APP} \
    DATA_DIR=/data \
    HTTP_PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The station registry the services read at start (STATIONS_FILE, relative to /app); mount
# a newer one over it rather than rebuilding.
COPY config/stations.json ./config/stations.json
COPY config/notifications.json ./config/notifications.json
COPY config/rules ./config/rules
# The spool lives in /data; owned by the unprivileged user so a fresh named volume is writable.
RUN test -n "${APP}" || (echo 'build with --build-arg APP=ingestor|centre' >&2; exit 1) \
 && test -f "dist/apps/${APP}/src/main.js" \
 && mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# sh only expands $APP; `exec` then replaces it with node, so node itself receives the
# SIGTERM of `docker stop` and shuts down gracefully.
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
