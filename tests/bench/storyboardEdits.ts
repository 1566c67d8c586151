import './support/jsdomGlobals'
import { computed, react, type Computed } from '@tldraw/state'
import { createBindingId, createShapeId, type TLShapeId } from '@tldraw/tlschema'
import { getIndices } from '@tldraw/utils'
import { headlessBoardEditor } from '@storyloom/canvas/board/testing/headlessEditor'
import { editorMirror } from '@storyloom/canvas/storyboard/editorMirror'
import { referenceCountOf, referenceLibraryEntries, referenceLibraryEntriesOf } from '@storyloom/canvas/storyboard/references/referenceLibrary'
import { isReferenceShape } from '@storyloom/canvas/storyboard/references/shotReferences'
import { boardSequenceModel, type BoardSequenceModel } from '@storyloom/canvas/storyboard/sequence/boardSequenceModel'
import { layoutStrip, type StripGroupInput } from '@storyloom/canvas/storyboard/sequence/stripLayout'
import { stripLayoutOf } from '@storyloom/canvas/storyboard/sequence/stripLayoutOf'
import { referenceTagPlacements, referenceTagPlacementsOf } from '@storyloom/canvas/storyboard/references/referenceTagLayout'
import { shotNumbersOf } from '@storyloom/canvas/storyboard/shotNumbers'
import { BOARD_SETTINGS_ID, createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { boardShotNumbers } from '@storyloom/shared/storyboard/boardSequence'
import { REFERENCE_BINDING_TYPE, type TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { sequenceTiming } from '@storyloom/shared/storyboard/runtime'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { buildSequence, shotsOfScene } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { fmt, median } from './support/stats'

/**
 * What one edit to one shot costs the board's derived values, on a board at an art director's
 * size (250 shots in 12 scenes, 400 references pinned beside them) and at a tenth of it, in a
 * headless tldraw editor under jsdom: typing a character in a shot (its action text) and a
 * collaborator moving a shot. Each reader is wired as the canvas wires it: shot numbers through
 * the editor mirror to one reactor per shot panel; role tags, the strip's sequence model and the
 * References panel's count and (open) list, and the strip's layout to one reactor each. The old
 * computations (as they were before 2026-12-03, for the sequence model and the count before that
 * afternoon, for the References list and the strip's layout before that evening) run in the same
 * process, so each figure is a ratio: old / new per edit, and 250 / 25 shots per edit.
 */

const EDITS = Number(process.env.BENCH_EDITS ?? 300)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
/** Which readers to time (`BENCH_READERS=library,layout`); all by default. */
const ONLY = process.env.BENCH_READERS?.split(',')

type Editor = ReturnType<typeof headlessBoardEditor>

/** The shot numbers as computed until 2026-12-03: from every scene, shot and setting record, on any change to any of them. */
function oldShotNumbers(editor: Editor): Computed<Map<string, string>> {
  const shots = editor.store.query.records('shape', () => ({ type: { eq: 'shot' as const } }))
  const scenes = editor.store.query.records('scene')
  return computed('old shot numbers', () => {
    const settings = editor.store.get(BOARD_SETTINGS_ID)
    return boardShotNumbers([...scenes.get(), ...shots.get(), ...(settings ? [settings] : [])])
  })
}

/** The strip's sequence model as built until 2026-12-03 (afternoon): sorted, numbered and timed whole on any shot's props change. */
function oldSequenceModel(editor: Editor): Computed<unknown> {
  const shotRecords = editor.store.query.records('shape', () => ({ type: { eq: 'shot' as const } }))
  const scenes = editor.store.query.records('scene')
  type ShotProps = { id: TLShotShape['id']; props: TLShotShape['props'] }[]
  const shotProps = computed(
    'old sequence shot props',
    () => (shotRecords.get() as TLShotShape[]).map((shot) => ({ id: shot.id, props: shot.props })),
    { isEqual: (a: ShotProps, b: ShotProps) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.props === b[i]!.props) },
  )
  return computed('old board sequence', () => {
    const settings = editor.store.get(BOARD_SETTINGS_ID) ?? createBoardSettings()
    const shots = shotProps.get().map(({ id, props }) => ({ id, sceneId: props.sceneId, order: props.order, duration: props.duration, props }))
    const sequence = buildSequence(scenes.get(), shots)
    return { sequence, numbers: shotNumbers(sequence, settings.numbering), timing: sequenceTiming(sequence, settings.fps), settings }
  })
}

/** The strip's layout as SequenceStrip made it until 2026-12-03 (evening): from the whole sequence, scene by scene, whenever the model changed. */
function oldStripLayout({ sequence }: BoardSequenceModel) {
  const groups: StripGroupInput[] = sequence.scenes.map((scene, i) => {
    const shotIds = shotsOfScene(sequence, scene.id).map((s) => s.id)
    return { sceneId: scene.id, shotIds, headingWidth: shotIds.length === 0 ? headingWidth(scene.name, i + 1) : undefined }
  })
  const loose = shotsOfScene(sequence, null).map((s) => s.id)
  if (loose.length > 0) groups.push({ sceneId: null, shotIds: loose })
  return layoutStrip(groups)
}
/** An empty scene's heading width (the browser measures it; any cheap stand-in does here, no scene is empty). */
const headingWidth = (name: string, n: number) => 120 + name.length * 7 + n

/** A board like the art director's: `shots` shots in 12 scenes, 8 references per 5 shots docked beside them. */
function seed(shots: number): { editor: Editor; ids: TLShapeId[] } {
  const editor = headlessBoardEditor()
  const sceneKeys = getIndices(12)
  const shotKeys = getIndices(shots)
  const scenes = Array.from({ length: 12 }, (_, s) => createScene({ order: sceneKeys[s]!, name: `Scene ${s + 1}` }))
  editor.store.put(scenes)
  const ids: TLShapeId[] = []
  for (let i = 0; i < shots; i++) {
    const id = createShapeId(`shot${i}`)
    const x = (i % 25) * 700
    const y = Math.floor(i / 25) * 500
    editor.createShape<TLShotShape>({ id, type: 'shot', x, y, props: { sceneId: scenes[Math.floor((i * 12) / shots)]!.id, order: shotKeys[i]!, action: 'She crosses the square.' } })
    for (let r = 0; r < (i % 5 < 3 ? 2 : 1); r++) {
      const refId = createShapeId(`ref${i}-${r}`)
      editor.createShape({ id: refId, type: 'image', x: x + 436, y: y + r * 98, props: { w: 120, h: 68 } })
      editor.createBindings<TLReferenceBinding>([{ id: createBindingId(), type: REFERENCE_BINDING_TYPE, fromId: refId, toId: id, props: { role: 'style' } }])
    }
    ids.push(id)
  }
  return { editor, ids }
}

type Reader = 'none' | 'old' | 'new'
type What = 'numbers' | 'tags' | 'sequence' | 'count' | 'library' | 'layout'
const LABELS: Record<What, string> = {
  numbers: 'shot numbers, 250 panels',
  tags: 'role tags, 400',
  sequence: "strip's sequence model",
  count: 'References (N) count',
  library: 'References list (open), 400',
  layout: "strip's layout (model read anyway)",
}

/** Wires the readers the canvas has over one board; returns their disposers. */
function wire(editor: Editor, ids: readonly TLShapeId[], reader: Reader, what: What): (() => void)[] {
  if (what === 'layout') {
    // The strip reads the model whatever lays it out: wired in every cell, so only the layout is compared.
    const model = boardSequenceModel(editor)
    if (reader === 'none') return [react('sequence strip', () => void model.get())]
    const layout = reader === 'old' ? () => oldStripLayout(model.get()) : () => stripLayoutOf(model.get(), (scene, n) => headingWidth(scene.name, n))
    return [react('sequence strip', () => void layout())]
  }
  if (reader === 'none') return []
  if (what === 'library') {
    const entries = reader === 'old' ? computed('old reference library', () => referenceLibraryEntries(editor)) : referenceLibraryEntriesOf(editor)
    return [react('reference library', () => void entries.get())]
  }
  if (what === 'sequence') {
    const model = reader === 'old' ? oldSequenceModel(editor) : boardSequenceModel(editor)
    return [react('sequence strip', () => void model.get())]
  }
  if (what === 'count') {
    const count = reader === 'old' ? computed('old reference count', () => editor.getCurrentPageShapes().filter(isReferenceShape).length) : referenceCountOf(editor)
    return [react('references toggle', () => void count.get())]
  }
  if (what === 'tags') {
    const source = reader === 'old' ? () => referenceTagPlacements(editor) : () => referenceTagPlacementsOf(editor).get()
    const value = computed('tags', source)
    return [react('tag layer', () => void value.get())]
  }
  const numbers = reader === 'old' ? oldShotNumbers(editor) : shotNumbersOf(editor)
  const mirror = editorMirror(editor, `bench ${reader} numbers`, () => numbers.get())
  return ids.map((id) => react(`panel ${id}`, () => void mirror.get().get(id)))
}

/**
 * CPU microseconds per edit (this process's, not wall-clock: the shared machine's load delays a
 * process without making its work bigger): typing one character into a shot's action, or a
 * remote move of a shot.
 */
function timeEdits(editor: Editor, ids: readonly TLShapeId[], kind: 'type' | 'move'): number {
  const start = process.cpuUsage()
  for (let i = 0; i < EDITS; i++) {
    const id = ids[(i * 7) % ids.length]!
    const shot = editor.getShape<TLShotShape>(id)!
    if (kind === 'type') editor.updateShape({ id, type: 'shot', props: { action: `${shot.props.action}x` } })
    else editor.store.mergeRemoteChanges(() => editor.updateShape({ id, type: 'shot', x: shot.x + 1 }))
  }
  const used = process.cpuUsage(start)
  return (used.user + used.system) / EDITS
}

/** Runs the benchmark and prints a table of medians over the rounds. */
export async function benchStoryboardEdits(): Promise<void> {
  console.log('\n## One edit to one shot: what the board\'s derived values cost\n')
  const boards = new Map([250, 25].map((n) => [n, seed(n)] as const))
  const cells = new Map<string, number[]>()
  const readers: Reader[] = ['none', 'old', 'new']
  const whats = (Object.keys(LABELS) as What[]).filter((what) => !ONLY || ONLY.includes(what))
  for (let round = 0; round < ROUNDS; round++) {
    for (const what of whats) {
      for (const kind of ['type', 'move'] as const) {
        for (const [n, { editor, ids }] of boards) {
          // Rotate which reader goes first, so a busy moment on the shared machine hits all alike.
          for (let r = 0; r < readers.length; r++) {
            const reader = readers[(r + round) % readers.length]!
            editor.clearHistory() // every cell starts with the same (empty) undo stack
            const disposers = wire(editor, ids, reader, what)
            timeEdits(editor, ids, kind) // warm-up: the first edits after wiring compute everything once
            const key = `${what} ${kind} ${reader} ${n}`
            cells.set(key, [...(cells.get(key) ?? []), timeEdits(editor, ids, kind)])
            disposers.forEach((dispose) => dispose())
          }
        }
      }
    }
  }
  // What a reader adds to an edit: the edit with it wired, less the same edit with no reader.
  const added = (what: string, kind: string, reader: Reader, n: number) =>
    median(cells.get(`${what} ${kind} ${reader} ${n}`)!) - median(cells.get(`${what} ${kind} none ${n}`)!)
  // How much the edit alone varies from round to round (median absolute deviation): a reader
  // adding less than that is not resolved by this run.
  const noise = (what: string, kind: string, n: number) => {
    const alone = cells.get(`${what} ${kind} none ${n}`)!
    const mid = median(alone)
    return median(alone.map((x) => Math.abs(x - mid)))
  }
  const ratio = (o: number, n: number, floor: number) => (o <= floor ? 'n/a' : n <= floor ? `≥ ${fmt(o / floor)}×` : `${fmt(o / n)}×`)
  console.log(`${EDITS} edits per cell, medians of ${ROUNDS} rounds; CPU µs a reader adds to one edit (the edit alone: tldraw's own work,`)
  console.log('± its median deviation between rounds; a reader adding less than that is not resolved, and its ratio is a lower bound)')
  console.log('| reader | edit | edit alone, 250 shots | old, 250 | new, 250 | old / new | old 250 / 25 | new 250 / 25 |')
  console.log('|---|---|---:|---:|---:|---:|---:|---:|')
  for (const what of whats) {
    for (const kind of ['type', 'move']) {
      const [o, n, o25, n25] = [added(what, kind, 'old', 250), added(what, kind, 'new', 250), added(what, kind, 'old', 25), added(what, kind, 'new', 25)]
      const alone = median(cells.get(`${what} ${kind} none 250`)!)
      const [floor, floor25] = [noise(what, kind, 250), noise(what, kind, 25)]
      console.log(
        `| ${LABELS[what]} | ${kind === 'type' ? 'type a character' : 'remote move'} | ${fmt(alone, 0)} ± ${fmt(floor, 0)} | ${fmt(o, 0)} | ${fmt(n, 0)} | ${ratio(o, n, floor)} | ${o25 <= floor25 ? 'n/a' : ratio(o, o25, floor25)} | ${n25 <= floor25 ? 'n/a' : ratio(n, n25, floor25)} |`,
      )
    }
  }
  for (const { editor } of boards.values()) editor.dispose()
}
