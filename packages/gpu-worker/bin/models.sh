#!/bin/sh
# `pnpm models …`: the model command takes this shell's place (exec), as `pnpm worker` does, so
# the user sees only its own output and exit code (no recursive-run report from a
# `pnpm --filter`). A relative path or data directory still means the user's folder: pnpm sets
# INIT_CWD to it.
cd "$(dirname "$0")/.." && exec node --import tsx src/cli/models.ts "$@"
