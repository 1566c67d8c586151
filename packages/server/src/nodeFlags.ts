/**
 * V8 flags the server process runs with: `pnpm start` passes them on the command line (packages/app/bin/serve.sh) (they are
 * not allowed in NODE_OPTIONS), and so do the tests and benchmarks that spawn the server.
 *
 * A 16 MB young generation from the start: every client update allocates ~40 kB on its way
 * through Yjs, validation and the socket writes, and with V8's 1 MB starting semi-space a
 * scavenge (a 0.5–5 ms pause) landed on about one update in a hundred — right in the sync p99.
 * With 16 MB they are about ten times rarer; pauses are no longer, since a scavenge's cost
 * follows the surviving objects, not the space's size.
 */
export const serverNodeFlags = ['--min-semi-space-size=16'] as const
