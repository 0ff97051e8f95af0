# The service on the official Deno image, one worker per core, as a non-root user.
FROM denoland/deno:2.9.6

WORKDIR /app
RUN chown deno:deno /app
USER deno

# Dependencies first: this layer is reused until deno.json or deno.lock change.
COPY --chown=deno:deno deno.json deno.lock ./
RUN deno install --frozen

# Only what runs: .dockerignore keeps out data, env files, history, tests and tools.
COPY --chown=deno:deno . .
RUN deno cache main.ts

EXPOSE 8000
# Needs DATABASE_URL and JWT_SECRET. No --allow-write: with DATABASE_URL nothing is written.
# The V8 limits keep each worker's memory near 130 MB under load (see BENCHMARKS.md).
CMD ["deno", "serve", "--parallel", "--port", "8000", "--v8-flags=--max-semi-space-size=8,--max-old-space-size=128", "--allow-net", "--allow-env", "--allow-read", "--allow-sys", "main.ts"]
