# syntax=docker/dockerfile:1
# One image recipe for every service:
#   docker build --build-arg SERVICE=complaints -t civicflow/complaints .
# SERVICE is the folder under apps/ (complaints, enforcement, coordination, disclosure,
# notification, rating, or platform for all in one process).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Every dependency, dev ones included: the services run their TypeScript through
# @swc-node/register (with @swc/core and typescript), and those are devDependencies.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    SWC_NODE_PROJECT=tsconfig.base.json \
    PORT=3000
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.base.json ./
COPY libs ./libs
COPY apps ./apps

# Declared after the sources so that every service shares the layers above.
ARG SERVICE
# The name ends up in a shell command line, so only plain folder names are accepted.
RUN case "$SERVICE" in \
      "" ) echo "build with --build-arg SERVICE=<name of a folder under apps/>" >&2; exit 1 ;; \
      *[!a-z-]* ) echo "SERVICE must be lower-case letters and dashes, got '$SERVICE'" >&2; exit 1 ;; \
    esac \
    && test -f "apps/$SERVICE/src/main.ts" \
    || { echo "apps/$SERVICE/src/main.ts does not exist" >&2; exit 1; }
ENV SERVICE=$SERVICE

# uid 1000 in the node image; Kubernetes pins runAsUser to the same number.
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
# Docker only; Kubernetes uses the probes in k8s/base instead.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec replaces the shell, so SIGTERM reaches node and its graceful shutdown runs.
CMD ["sh", "-c", "exec node -r @swc-node/register \"apps/${SERVICE}/src/main.ts\""]
