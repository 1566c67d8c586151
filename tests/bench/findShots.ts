import { createShapeId } from '@tldraw/tlschema'
import { getIndices, type IndexKey } from '@tldraw/utils'
import { findShots, fold } from '@storyloom/canvas/storyboard/find/findShots'
import type { BoardSequenceModel } from '@storyloom/canvas/storyboard/sequence/boardSequenceModel'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { createScene, sceneHeading } from '@storyloom/shared/storyboard/sceneRecord'
import { buildSequence } from '@storyloom/shared/storyboard/sequence'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { fmt, median } from './support/stats'

/**
 * What one keystroke in the find bar costs: the query "she opens the door" typed a letter at a
 * time against a board of 500 shots (20 scenes, each shot with a title, two sentences of action
 * and a line of dialogue) and one of 50. The baseline, in the same run, folds every shot's text
 * again on each keystroke (no cache), as a matcher over the records would; the figures are
 * ratios (baseline / find bar per keystroke, 500 / 50 shots) and the 500-shot keystroke's time.
 */

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20)
const QUERY = 'she opens the door'

type Model = Pick<BoardSequenceModel, 'sequence' | 'numbers'>

/**
 * A board's sequence as the strip's model holds it (shots with their props, numbered), built
 * from the shared sequence code: the canvas's model module loads tldraw's UI, whose timers
 * would keep this process from ending.
 */
function board(count: number): Model {
  const scenes = getIndices(20).slice(1).map((order, i) => createScene({ order, name: `Scène ${i + 1}`, slugline: `INT. CAFÉ ${i} – NIGHT` }))
  const orders = getIndices(count + 1).slice(1)
  const shots = orders.map((order, i) =>
    createShotShape({
      id: createShapeId(`s${i}`),
      parentId: 'page:main' as never,
      index: 'a1' as IndexKey,
      props: {
        sceneId: scenes[i % scenes.length]!.id,
        order: order as IndexKey,
        title: `Shot ${i}: Élise at the window`,
        action: `Élise crosses the room ${i} times and looks at the street below. The light changes as a tram goes by.`,
        dialogue: i % 7 === 0 ? 'She opens the door — “Who is it?”' : 'ÉLISE: Not now, not tonight.',
      },
    }),
  )
  const sequence = buildSequence(
    scenes,
    shots.map((shot) => ({ id: shot.id, sceneId: shot.props.sceneId, order: shot.props.order, duration: shot.props.duration, props: shot.props })),
  )
  return { sequence, numbers: shotNumbers(sequence, 'decimal') }
}

/** The baseline: every shot's and scene's text folded afresh for each query. */
function uncachedFind(model: Model, query: string): string[] {
  const terms = fold(query).split(/\s+/).filter(Boolean)
  return model.sequence.entries
    .filter(({ shot, scene }) => {
      const text = fold([shot.props.title, shot.props.action, shot.props.dialogue, scene?.name ?? '', scene ? sceneHeading(scene) : ''].join('\n'))
      return terms.every((t) => text.includes(t))
    })
    .map(({ shot }) => shot.id)
}

/** Median milliseconds per keystroke typing QUERY with `find`. */
function perKeystroke(model: Model, find: (m: Model, q: string) => string[]): number {
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    for (let n = 1; n <= QUERY.length; n++) find(model, QUERY.slice(0, n))
    times.push((performance.now() - start) / QUERY.length)
  }
  return median(times)
}

/** Prints the find bar's cost per keystroke, as ratios. */
export async function benchFindShots(): Promise<void> {
  const big = board(500)
  const small = board(50)
  if (findShots(big, QUERY).join() !== uncachedFind(big, QUERY).join()) throw new Error('find bar and baseline disagree')
  const baseline = perKeystroke(big, uncachedFind)
  const cached = perKeystroke(big, findShots)
  const smallCached = perKeystroke(small, findShots)
  console.log('find bar, per keystroke ("she opens the door" typed a letter at a time):')
  console.log(`  500 shots: ${fmt(cached, 3)} ms; baseline (fold every shot each time) / find bar: ${fmt(baseline / cached, 1)}×`)
  console.log(`  500 / 50 shots: ${fmt(cached / smallCached, 1)}× (linear in the board would be 10×)`)
}
