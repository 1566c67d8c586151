import { register } from 'node:module'

/**
 * `pnpm bench [name…]`: runs the benchmarks (all by default) and prints their figures as
 * ratios against baselines measured in the same run. Not part of `pnpm test`. Each bench's
 * module is loaded only when it runs: `edits` puts a jsdom window in the globals.
 */
register('./support/stylesheetHooks.mjs', import.meta.url)

const benches: Record<string, () => Promise<void>> = {
  fanout: async () => (await import('./fanout')).benchFanout(),
  room: async () => (await import('./roomHotPath')).benchRoomHotPath(),
  stroke: async () => (await import('./strokeBytes')).benchStrokeBytes(),
  coldload: async () => (await import('./coldLoad')).benchColdLoad(),
  pipeline: async () => (await import('./pipelineOverhead')).benchPipelineOverhead(),
  queue: async () => (await import('./queueOverhead')).benchQueueOverhead(),
  storyboard: async () => (await import('./storyboard')).benchStoryboard(),
  edits: async () => (await import('./storyboardEdits')).benchStoryboardEdits(),
  versions: async () => (await import('./versionPanel')).benchVersionPanel(),
  find: async () => (await import('./findShots')).benchFindShots(),
  takes: async () => (await import('./unreadableTakeLookup')).benchUnreadableTakeLookup(),
}

const wanted = process.argv.slice(2).filter((a) => a !== '--')
const names = wanted.length ? wanted : Object.keys(benches)
for (const name of names) {
  const bench = benches[name]
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`)
    process.exit(2)
  }
  await bench()
}
