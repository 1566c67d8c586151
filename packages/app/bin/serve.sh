#!/bin/sh
# `pnpm serve` (and `pnpm start`, after building the canvas and the server): the server takes
# this shell's place (exec), so it is pnpm's direct child. A SIGTERM sent to pnpm (systemd,
# docker stop) is passed to it, and pnpm waits for its clean stop; no other pnpm or shell process
# stays resident (each pnpm is ~100 MB). The V8 flags are @storyloom/server's serverNodeFlags
# (src/nodeFlags.ts).
#
# It runs the plain-JavaScript build in bundle/ (build.mjs; `pnpm start` makes it every time)
# only while it is up to date: no source, and no installed package it imports, is newer than
# it. Otherwise it runs the TypeScript sources through tsx (slower to start, never stale).
cd "$(dirname "$0")/.."
if [ -f bundle/main.js ] && [ -f bundle/inferenceProcess.js ] && [ -z "$(find src ../server/src ../gpu-worker/src ../shared/src build.mjs ../../pnpm-lock.yaml ../../node_modules/.modules.yaml -newer bundle/main.js -print 2>/dev/null | head -n 1)" ]; then
  exec node --min-semi-space-size=16 --enable-source-maps bundle/main.js
fi
echo "storyloom: no up-to-date build in packages/app/bundle (\`pnpm start\` makes it), running the TypeScript sources" >&2
exec node --min-semi-space-size=16 --import tsx src/main.ts
