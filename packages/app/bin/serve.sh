#!/bin/sh
# `pnpm serve` (and `pnpm start`, after building the canvas): the server takes this shell's place
# (exec), so it is pnpm's direct child. A SIGTERM sent to pnpm (systemd, docker stop) is passed to
# it, and pnpm waits for its clean stop; no other pnpm or shell process stays resident (each pnpm
# is ~100 MB). The V8 flags are @storyloom/server's serverNodeFlags (src/nodeFlags.ts).
cd "$(dirname "$0")/.." && exec node --min-semi-space-size=16 --import tsx src/main.ts
