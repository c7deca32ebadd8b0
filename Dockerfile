# One image for the API and the worker; the command chooses which runs
# (docker-compose.yml: `node dist/src/api-main.js` / `node dist/src/worker-main.js`).
# The default command runs both in one process, like `npm start`.
# Node 26, the current LTS line (.nvmrc; test/deploy/dockerfile.test.ts holds the two to it).

# Build: the TypeScript compiler and the other dev dependencies live only here.
FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY scripts ./scripts
RUN npm run build

# Runtime: production dependencies, the compiled service, the bundled network and the explorer page.
FROM node:26-trixie-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY data ./data
COPY public ./public
# The node image's unprivileged user (uid 1000); it owns nothing it could overwrite.
USER node
EXPOSE 3000
# No curl in slim images: Node's fetch asks the process's own liveness endpoint.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
