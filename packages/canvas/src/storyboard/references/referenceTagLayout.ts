import { computed, type Computed, type Editor, type TLRecord, type TLShape, type TLShapeId } from 'tldraw'
import { REFERENCE_BINDING_TYPE, type TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { isDockedTo, nextDockSlot, type Rect } from './referenceDocking'

/** Height of a linked-reference card in a shot's column, in page units. */
export const LINKED_CARD_HEIGHT = 34
const LINKED_CARD_GAP = 6

/** Where one reference's role shows for one shot. */
export interface ReferenceTagPlacement {
  binding: TLReferenceBinding
  /** Under the reference itself (it sits with the shot), or a card in the shot's column (it lives elsewhere). */
  kind: 'tag' | 'linked'
  x: number
  y: number
  w: number
}

/**
 * Every role tag on the current page, computed from scratch. A reference docked with its shot
 * gets its tag under the thumbnail; a reference that lives elsewhere on the board (reused from
 * the library) gets a small linked card at the bottom of the shot's column, so every shot shows
 * all its references. The canvas reads {@link referenceTagPlacementsOf}, which gives the same
 * placements but recomputes only the shots that changed.
 */
export function referenceTagPlacements(editor: Editor): ReferenceTagPlacement[] {
  const placements: ReferenceTagPlacement[] = []
  for (const [shotId, bindings] of bindingsByShot(referenceBindings(editor).get())) {
    placements.push(...shotTagPlacements(editor, shotId, bindings))
  }
  return placements
}

const incremental = new WeakMap<Editor, Computed<ReferenceTagPlacement[]>>()

/**
 * {@link referenceTagPlacements} as one reactive value per editor, memoised per shot: a change
 * to one shot or reference (typing in a shot, moving it, a remote edit) recomputes that shot's
 * tags only, and when they come out the same the list keeps its identity, so the tag layer
 * does not re-render. Recomputing all of them cost O(references) on every record change.
 */
export function referenceTagPlacementsOf(editor: Editor): Computed<ReferenceTagPlacement[]> {
  let all = incremental.get(editor)
  if (all) return all
  const query = referenceBindings(editor)
  const byShot = computed('reference bindings by shot', () => bindingsByShot(query.get()), { isEqual: sameGroups })
  const perShot = editor.store.createComputedCache<ReferenceTagPlacement[], TLShape>(
    'shot reference tags',
    (shot) => shotTagPlacements(editor, shot.id, byShot.get().get(shot.id) ?? []),
    { areResultsEqual: samePlacements },
  )
  all = computed(
    'reference tags',
    () => [...byShot.get().keys()].flatMap((shotId) => perShot.get(shotId) ?? []),
    { isEqual: (a: ReferenceTagPlacement[], b: ReferenceTagPlacement[]) => a.length === b.length && a.every((p, i) => p === b[i]) },
  )
  incremental.set(editor, all)
  return all
}

function referenceBindings(editor: Editor) {
  return editor.store.query.records('binding', () => ({ type: { eq: REFERENCE_BINDING_TYPE } }))
}

/** Reference bindings grouped by the shot they pin to, in the order the store lists them. */
function bindingsByShot(bindings: readonly TLRecord[]): Map<TLShapeId, TLReferenceBinding[]> {
  const byShot = new Map<TLShapeId, TLReferenceBinding[]>()
  for (const binding of bindings) {
    const b = binding as TLReferenceBinding
    const list = byShot.get(b.toId) ?? []
    list.push(b)
    byShot.set(b.toId, list)
  }
  return byShot
}

/** One shot's tags: under each docked reference, then linked cards in its column. */
function shotTagPlacements(editor: Editor, shotId: TLShapeId, bindings: readonly TLReferenceBinding[]): ReferenceTagPlacement[] {
  if (bindings.length === 0 || editor.getAncestorPageId(shotId) !== editor.getCurrentPageId()) return []
  const shotBounds = editor.getShapePageBounds(shotId)
  if (!shotBounds) return []
  const shot: Rect = { x: shotBounds.x, y: shotBounds.y, w: shotBounds.w, h: shotBounds.h }
  const placements: ReferenceTagPlacement[] = []
  const docked: Rect[] = []
  const linked: TLReferenceBinding[] = []
  for (const b of bindings) {
    const r = editor.getShapePageBounds(b.fromId)
    if (!r) continue
    const rect = { x: r.x, y: r.y, w: r.w, h: r.h }
    if (isDockedTo(rect, shot)) {
      docked.push(rect)
      placements.push({ binding: b, kind: 'tag', x: rect.x, y: rect.y + rect.h + 4, w: Math.max(rect.w, 96) })
    } else {
      linked.push(b)
    }
  }
  // Stable order for linked cards, so they do not swap places as things move.
  linked.sort((a, b) => (a.id < b.id ? -1 : 1))
  const start = nextDockSlot(shot, docked)
  linked.forEach((b, i) => placements.push({ binding: b, kind: 'linked', x: start.x, y: start.y + i * (LINKED_CARD_HEIGHT + LINKED_CARD_GAP), w: 140 }))
  return placements
}

function sameGroups(a: ReadonlyMap<TLShapeId, readonly TLReferenceBinding[]>, b: ReadonlyMap<TLShapeId, readonly TLReferenceBinding[]>): boolean {
  if (a.size !== b.size) return false
  const other = b.entries()
  for (const [shotId, list] of a) {
    const [otherId, otherList] = other.next().value!
    if (shotId !== otherId || list.length !== otherList.length || list.some((x, i) => x !== otherList[i])) return false
  }
  return true
}

function samePlacements(a: readonly ReferenceTagPlacement[], b: readonly ReferenceTagPlacement[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i]!
    return p.binding === q.binding && p.kind === q.kind && p.x === q.x && p.y === q.y && p.w === q.w
  })
}

/** Below this zoom the tags (11px text) would be unreadable specks: none are drawn. */
export const MIN_TAG_ZOOM = 0.5

/**
 * The page area whose tags are drawn, as a string key (`x,y,w,h`) so that it compares by
 * value: the viewport snapped outwards to a coarse grid, so small camera moves keep the same
 * area and the tags always cover the viewport. Null when zoomed out too far for tags to be read.
 */
export function tagArea(viewport: { x: number; y: number; w: number; h: number }, zoom: number): string | null {
  if (zoom < MIN_TAG_ZOOM) return null
  // A power of two about an eighth of the viewport's larger side: stable while zooming a
  // little, and a pan re-renders the tags only every few hundred pixels.
  const step = 2 ** Math.ceil(Math.log2(Math.max(viewport.w, viewport.h, 1) / 8))
  const x0 = Math.floor(viewport.x / step) * step
  const y0 = Math.floor(viewport.y / step) * step
  const x1 = Math.ceil((viewport.x + viewport.w) / step) * step
  const y1 = Math.ceil((viewport.y + viewport.h) / step) * step
  return `${x0},${y0},${x1 - x0},${y1 - y0}`
}

/** Whether a tag (about one line tall) falls in an area from {@link tagArea}. */
export function tagIsIn(tag: { x: number; y: number; w: number }, areaKey: string): boolean {
  const [x, y, w, h] = areaKey.split(',').map(Number) as [number, number, number, number]
  return tag.x + tag.w >= x && tag.x <= x + w && tag.y + LINKED_CARD_HEIGHT >= y && tag.y <= y + h
}
