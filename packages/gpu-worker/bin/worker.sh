#!/bin/sh
# `pnpm worker`: one generation worker, taking this shell's place (exec) so that it is pnpm's
# direct child: a SIGTERM sent to pnpm reaches it and pnpm waits until its job is finished.
cd "$(dirname "$0")/.." && exec node --import tsx src/cli/worker.ts
