import type { Editor, TLRecord, TLShapeId } from 'tldraw'
import { MAX_SHOT_PLAN_TEXT_LENGTH, parseShotPlan } from '@storyloom/shared/storyboard/shotPlanSchema'
import type { ShotPlanParseResult } from '@storyloom/shared/storyboard/shotPlanSchema'
import { planOrderedAfterBoard, shotPlanToRecords } from '@storyloom/shared/storyboard/shotPlan'
import { boardMembersOf } from '../../board/boardMembers'
import type { ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import { isSceneRecord } from '@storyloom/shared/storyboard/boardSequence'
import { DEFAULT_SHOT_WIDTH, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { findBoardSettings, type BoardSettingsRecord } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { shotPanelHeight } from '../shotLayout'
import { positionBeside, type PageBox } from '../sequence/shotPlacementOnCanvas'
import { offsetForImportedShots } from './importPlacement'
import { openSlotsForNewScenes } from './slotsForNewScenes'
import { openSlotsForNewShots } from './slotsForNewShots'
import { decodeFileText } from './fileText'

/**
 * Reading a shot plan (or a screenplay, read as one) and putting it into the open board as one
 * undoable step.
 */

/** A refusal of `file` for its size alone, before any of it is read into memory; null when it may be read. */
function tooLarge(file: File, limit: number, what: string): { ok: false; errors: string[] } | null {
  // UTF-8 never has fewer bytes than characters, so a file under the limit in bytes is also
  // under it in characters; the parsers check the characters again.
  if (file.size <= limit) return null
  const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10
  return { ok: false, errors: [`The file is too large to be ${what} (${mb(file.size)} MB; at most ${mb(limit)} MB)`] }
}

/** Reads and checks a shot plan file; one saved as UTF-16 ("Unicode" in Windows Notepad) reads as written. */
export async function readShotPlanFile(file: File): Promise<ShotPlanParseResult> {
  return tooLarge(file, MAX_SHOT_PLAN_TEXT_LENGTH, 'a shot plan') ?? parseShotPlan(decodeFileText(new Uint8Array(await file.arrayBuffer())))
}

/**
 * Reads a screenplay file (Final Draft or Fountain, whichever its content is) as a shot plan for
 * `editor`'s board: its settings kept, new shots the size the shot tool makes at the board's
 * aspect ratio.
 */
export async function readScreenplayFile(editor: Editor, file: File): Promise<ShotPlanParseResult> {
  // The readers (fountain-js, fast-xml-parser) load only when someone imports a screenplay.
  const { MAX_SCREENPLAY_TEXT_LENGTH, screenplayToShotPlan } = await import('@storyloom/shared/storyboard/screenplay')
  const refused = tooLarge(file, MAX_SCREENPLAY_TEXT_LENGTH, 'a screenplay')
  if (refused) return refused
  const settings = findBoardSettings(editor.store.allRecords())
  // By its byte order mark: a script saved as UTF-16 reads as written.
  const text = decodeFileText(new Uint8Array(await file.arrayBuffer()))
  return screenplayToShotPlan(text, { settings, shotSize: newShotSize(settings.defaultAspect) })
}

/** The size of a new shot panel at `aspect`, as the shot tool makes it. */
export function newShotSize(aspect: BoardSettingsRecord['defaultAspect']): { w: number; h: number } {
  return { w: DEFAULT_SHOT_WIDTH, h: shotPanelHeight(DEFAULT_SHOT_WIDTH, aspect) }
}

/** What an import did. */
export interface ShotPlanImportSummary {
  readonly created: number
  readonly updated: number
  readonly scenes: number
  readonly shotIds: TLShapeId[]
}

/** How a plan goes in when it is a revision of the board rather than new to it. */
export interface ShotPlanApplyOptions {
  /**
   * The plan's order keys already place its new scenes and shots among the board's (a
   * screenplay revision): keep them, rather than reading what is new after the board's own.
   */
  readonly keepOrder?: boolean
  /** New shots to put after a shot already on the board (or placed just before), as "New shot after" would: in a slot opened in its row. */
  readonly placeAfter?: ReadonlyMap<TLShapeId, TLShapeId>
  /** New shots to put, in the plan's order, before a shot already on the board (at the start of its scene): in a slot opened at the start of its row. */
  readonly placeBefore?: ReadonlyMap<TLShapeId, TLShapeId>
  /** Board shots the import then moves into another scene, with that scene: a new scene made only of them gets a slot too (openSlotsForNewScenes). */
  readonly joining?: ReadonlyMap<TLShapeId, string>
  /** Shapes the new shots take the place of (pictures made shots): removed in the same undo step, their room free. */
  readonly replacing?: readonly TLShapeId[]
}

/** A shot plan the board's own schema refuses (it passed the plan schema, so rarely seen). */
export class ShotPlanRejectedError extends Error {
  override readonly name = 'ShotPlanRejectedError'
  readonly code = 'shot_plan_rejected'
}

/**
 * Puts a checked plan into the board: its settings, scenes and shots, in one batch and one
 * undo step. Shots already on the board (same id) are updated in place and keep their canvas
 * fields; new scenes and unassigned shots are read after the board's own (planOrderedAfterBoard);
 * new shots go on the current page, above everything, moved together into free space
 * when their plan positions would cover what is already there. Nothing else on the board is
 * touched, but for the shapes the plan `replacing` (removed in that same step). Every record is validated by the board's schema before anything is written, so a
 * refused plan changes nothing.
 */
export function applyShotPlan(editor: Editor, plan: ShotPlan, options: ShotPlanApplyOptions = {}): ShotPlanImportSummary {
  const pageId = editor.getCurrentPageId()
  const existing = (id: TLShapeId): TLShotShape | undefined => {
    const shape = editor.getShape(id)
    return shape?.type === 'shot' ? (shape as TLShotShape) : undefined
  }
  const clash = plan.shots.find((shot) => editor.getShape(shot.id) && !existing(shot.id))
  if (clash) throw new ShotPlanRejectedError(`${clash.id} is already on this board and is not a shot`)
  const updated = plan.shots.filter((shot) => existing(shot.id)).length
  const ordered = options.keepOrder ? plan : planOrderedAfterBoard(plan, editor.store.allRecords())
  const replacing = options.replacing ?? []
  // A shot stays assigned to a member of this board (or to whoever its shots already name); a plan
  // from another board keeps no one who is not on this one.
  const { members } = boardMembersOf(editor).get()
  const assignedHere = new Set(editor.store.allRecords().flatMap((r) => (r.typeName === 'shape' && r.type === 'shot' ? [(r as TLShotShape).props.assigneeId] : [])))
  const recordsOf = (planned: ShotPlan, spots: ReadonlyMap<TLShapeId, PageSpot> = new Map()) => {
    const { settings, scenes, shots } = shotPlanToRecords(placeNewShots(editor, planned, existing, options, new Set(replacing), spots), {
      parentId: pageId,
      indexAbove: editor.getHighestIndexForParent(pageId),
      existing,
      existingScene: (id) => {
        const record = editor.store.get(id as TLRecord['id'])
        return record && isSceneRecord(record) ? record : undefined
      },
      assignable: (id) => members.has(id) || assignedHere.has(id),
    })
    return { scenes, shots, records: [...changedSettings(editor, settings), ...scenes, ...shots] as TLRecord[] }
  }
  let { scenes, shots, records } = recordsOf(ordered)
  const { store } = editor
  for (const record of records) {
    try {
      store.schema.validateRecord(store, record, store.has(record.id) ? 'updateRecord' : 'createRecord', store.get(record.id) ?? null)
    } catch (cause) {
      throw new ShotPlanRejectedError(`${record.id}: ${(cause as Error).message}`, { cause })
    }
  }
  editor.markHistoryStoppingPoint('import shot plan')
  editor.run(() => {
    if (replacing.length > 0) editor.deleteShapes([...replacing])
    // New shots between two of a row: the shots after them slide right; new scenes between two of
    // the board's: the rows after them move down (the same undo step). The records are then worked
    // out again where the rows now are; only positions change, already checked.
    const before = new Map(plan.shots.flatMap((shot) => (existing(shot.id) ? [[shot.id, existing(shot.id)!] as const] : [])))
    const slid = (options.placeAfter || options.placeBefore) && openSlotsForNewShots(editor, ordered, existing, options.placeAfter ?? new Map(), options.placeBefore)
    const sceneSpots = options.keepOrder ? openSlotsForNewScenes(editor, ordered, existing, options.joining) : new Map<TLShapeId, PageSpot>()
    // (A scene slot can move rows without placing a new shot: one for shots the import then moves.)
    if (slid || options.keepOrder) ({ scenes, shots, records } = recordsOf(withSlidShots(ordered, before, existing), sceneSpots))
    store.put(records)
  })
  return { created: shots.length - updated, updated, scenes: scenes.length, shotIds: shots.map((s) => s.id) }
}

/** The plan with its board shots that a slot pushed along their row where they are now. */
function withSlidShots(plan: ShotPlan, before: ReadonlyMap<TLShapeId, TLShotShape>, existing: (id: TLShapeId) => TLShotShape | undefined): ShotPlan {
  return {
    ...plan,
    shots: plan.shots.map((shot) => {
      const [was, now] = [before.get(shot.id), existing(shot.id)]
      return was && now && (was.x !== now.x || was.y !== now.y) ? { ...shot, x: shot.x + now.x - was.x, y: shot.y + now.y - was.y } : shot
    }),
  }
}

/**
 * The board's settings record with the plan's settings, keeping the rest of it (its meta); none
 * when the plan's settings are already the board's, so a screenplay (which carries the board's
 * own) never writes them.
 */
function changedSettings(editor: Editor, planned: BoardSettingsRecord): BoardSettingsRecord[] {
  const current = findBoardSettings(editor.store.allRecords())
  const { numbering, fps, defaultAspect } = planned
  if (numbering === current.numbering && fps === current.fps && defaultAspect === current.defaultAspect) return []
  return [{ ...current, numbering, fps, defaultAspect }]
}

/** A top-left on the page. */
type PageSpot = { readonly x: number; readonly y: number }

/**
 * The plan with its new shots placed: each one in `spots` there (a new scene's in the slot
 * `openSlotsForNewScenes` opened for it), each one in `placeAfter` beside the shot it follows
 * (positionBeside, as "New shot after" places one; in the slot `openSlotsForNewShots` opened there),
 * each one in `placeBefore` before the board shot it precedes (the run right to left, so it reads
 * in the plan's order), the others moved, as one block, clear of the page's content (less the
 * shapes in `replacing`) and of those.
 */
function placeNewShots(
  editor: Editor,
  plan: ShotPlan,
  existing: (id: TLShapeId) => TLShotShape | undefined,
  { placeAfter = new Map(), placeBefore = new Map() }: Pick<ShotPlanApplyOptions, 'placeAfter' | 'placeBefore'>,
  replacing: ReadonlySet<TLShapeId> = new Set(),
  spots: ReadonlyMap<TLShapeId, PageSpot> = new Map(),
): ShotPlan {
  const box = (shot: ShotPlan['shots'][number]) => ({ x: shot.x, y: shot.y, w: shot.w, h: shot.h })
  // What is on the page now (less what the shots replace), and where the updated shots are about to be.
  const occupied: PageBox[] = [
    ...[...editor.getCurrentPageShapeIds()].flatMap((id) => (replacing.has(id) ? [] : (editor.getShapePageBounds(id) ?? []))),
    ...plan.shots.filter((shot) => existing(shot.id)).map(box),
  ]
  const placed = new Map<TLShapeId, PageBox>()
  for (const shot of plan.shots) {
    const spot = spots.get(shot.id)
    if (!spot || existing(shot.id)) continue
    placed.set(shot.id, { ...spot, w: shot.w, h: shot.h })
    occupied.push(placed.get(shot.id)!)
  }
  const anchorBox = (id: TLShapeId): PageBox | undefined => placed.get(id) ?? (existing(id) ? editor.getShapePageBounds(id) : undefined)
  const place = (shot: ShotPlan['shots'][number], anchor: PageBox | undefined, side: 'before' | 'after') => {
    if (!anchor || existing(shot.id)) return
    const spot = { ...positionBeside(anchor, side, shot, occupied), w: shot.w, h: shot.h }
    placed.set(shot.id, spot)
    occupied.push(spot)
  }
  // A run before a board shot goes right to left from it, each before the one after it in the plan.
  const lastBefore = new Map<TLShapeId, TLShapeId>()
  for (const shot of plan.shots.toReversed()) {
    const nextId = placeBefore.get(shot.id)
    if (!nextId) continue
    place(shot, anchorBox(lastBefore.get(nextId) ?? nextId), 'before')
    if (placed.has(shot.id)) lastBefore.set(nextId, shot.id)
  }
  // In plan order, so a run of new shots after one shot goes along the row one after another.
  for (const shot of plan.shots) {
    const anchorId = placeAfter.get(shot.id)
    if (anchorId) place(shot, anchorBox(anchorId), 'after')
  }
  const fresh = plan.shots.filter((shot) => !existing(shot.id) && !placed.has(shot.id))
  const { dx, dy } = offsetForImportedShots(fresh.map(box), occupied)
  return {
    ...plan,
    shots: plan.shots.map((shot) => {
      if (existing(shot.id)) return shot
      const spot = placed.get(shot.id)
      return spot ? { ...shot, x: spot.x, y: spot.y } : { ...shot, x: shot.x + dx, y: shot.y + dy }
    }),
  }
}

/** Selects the imported shots and frames them, never zoomed in past 100%. */
export function showImportedShots(editor: Editor, shotIds: readonly TLShapeId[]): void {
  if (shotIds.length === 0) return
  editor.select(...shotIds)
  const bounds = editor.getSelectionPageBounds()
  if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 200 } })
}
