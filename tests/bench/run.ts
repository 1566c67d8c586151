import { benchColdLoad } from './coldLoad'
import { benchFanout } from './fanout'
import { benchPipelineOverhead } from './pipelineOverhead'
import { benchQueueOverhead } from './queueOverhead'
import { benchRoomHotPath } from './roomHotPath'
import { benchStrokeBytes } from './strokeBytes'
import { benchStoryboard } from './storyboard'
import { benchStoryboardEdits } from './storyboardEdits'
import { benchVersionPanel } from './versionPanel'

/**
 * `pnpm bench [name…]`: runs the benchmarks (all by default) and prints their figures as
 * ratios against baselines measured in the same run. Not part of `pnpm test`.
 */
const benches: Record<string, () => Promise<void>> = {
  fanout: benchFanout,
  room: benchRoomHotPath,
  stroke: benchStrokeBytes,
  coldload: benchColdLoad,
  pipeline: benchPipelineOverhead,
  queue: benchQueueOverhead,
  storyboard: benchStoryboard,
  edits: benchStoryboardEdits,
  versions: benchVersionPanel,
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
