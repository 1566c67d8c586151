import type { Editor, TLShapeId } from 'tldraw'
import { exportShotPlan, type ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import type { ScreenplayRevisionReport } from '@storyloom/shared/storyboard/screenplay/screenplayRevision'
import {
  SCRIPT_WORDS_META,
  scriptWordsMark,
  scriptWordsMarkOf,
  type ScriptWordsMark,
} from '@storyloom/shared/storyboard/screenplay/scriptWordsMark'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotMove } from '../sequence/sequenceCommands'
import { applyShotPlan, type ShotPlanImportSummary } from './applyShotPlan'

/**
 * Putting a screenplay's plan into the board: as it is when the board holds none of its scenes,
 * else as a revision of what an earlier draft made (reviseShotPlan), so importing the next
 * draft updates the board instead of doubling it. One undo step either way. Each shot the
 * script has is marked with the words it gave it (scriptWordsMark, in the shot's meta), so the
 * next draft keeps the words the team typed over them.
 */

export type ScreenplayImport =
  | { readonly kind: 'first-import'; readonly summary: ShotPlanImportSummary }
  | { readonly kind: 'revision'; readonly summary: ShotPlanImportSummary; readonly report: ScreenplayRevisionReport }

/** Puts the plan of a screenplay (checked, fresh ids) into `editor`'s board. */
export async function applyScreenplayPlan(editor: Editor, plan: ShotPlan): Promise<ScreenplayImport> {
  // Loaded with the screenplay readers, only when someone imports a screenplay.
  const { reviseShotPlan } = await import('@storyloom/shared/storyboard/screenplay/screenplayRevision')
  const records = editor.store.allRecords()
  const revision = reviseShotPlan(exportShotPlan(records), plan, marksOnBoard(records))
  let summary!: ShotPlanImportSummary
  if (revision.kind === 'first-import') {
    editor.run(() => {
      summary = applyShotPlan(editor, plan)
      markScriptWords(editor, new Map(plan.shots.map((shot) => [shot.id, scriptWordsMark(shot)])))
    })
    return { kind: 'first-import', summary }
  }
  const { report } = revision
  // One batch after applyShotPlan's history mark: one undo step, one change for collaborators.
  editor.run(() => {
    const joining = scenesJoined(editor, revision.plan, report.movedShots)
    summary = applyShotPlan(editor, revision.plan, { keepOrder: true, placeAfter: report.placeAfter, placeBefore: report.placeBefore, joining })
    // One after another in the script's order, as the strip moves a shot into a scene.
    for (const { id, placement } of report.movedShots) shotMove(editor, [id], placement)?.()
    markScriptWords(editor, report.scriptWords)
  })
  const moved = report.movedShots.map((shot) => shot.id).filter((id) => !summary.shotIds.includes(id))
  return { kind: 'revision', summary: { ...summary, shotIds: [...summary.shotIds, ...moved] }, report }
}

/**
 * The scene each moved shot ends up in: the one its placement names, or the one of the shot it
 * goes after (a new shot of the plan, a shot moved before it, or a board shot that stays).
 */
function scenesJoined(editor: Editor, plan: ShotPlan, moves: ScreenplayRevisionReport['movedShots']): Map<TLShapeId, string> {
  const joined = new Map<TLShapeId, string>()
  const planned = new Map(plan.shots.map((shot) => [shot.id, shot.sceneId]))
  for (const { id, placement } of moves) {
    const after = 'after' in placement ? (placement.after as TLShapeId) : null
    const sceneId =
      'sceneId' in placement ? placement.sceneId : after && (joined.get(after) ?? planned.get(after) ?? editor.getShape<TLShotShape>(after)?.props.sceneId)
    if (sceneId) joined.set(id, sceneId)
  }
  return joined
}

/** The mark of the words the last import gave each shot on the board (see scriptWordsMark). */
function marksOnBoard(records: readonly { readonly typeName: string }[]): Map<TLShapeId, ScriptWordsMark> {
  const marks = new Map<TLShapeId, ScriptWordsMark>()
  for (const record of records) {
    if (record.typeName !== 'shape' || (record as TLShotShape).type !== 'shot') continue
    const shot = record as TLShotShape
    const mark = scriptWordsMarkOf(shot.meta)
    if (mark) marks.set(shot.id, mark)
  }
  return marks
}

/** Writes each shot's mark into its meta, where it differs (the rest of its meta kept). */
function markScriptWords(editor: Editor, marks: ReadonlyMap<TLShapeId, ScriptWordsMark>): void {
  const updates = [...marks].flatMap(([id, mark]) => {
    const shot = editor.getShape<TLShotShape>(id)
    const now = shot && scriptWordsMarkOf(shot.meta)
    if (!shot || (now && now.action === mark.action && now.dialogue === mark.dialogue)) return []
    return [{ id, type: 'shot' as const, meta: { ...shot.meta, [SCRIPT_WORDS_META]: { ...mark } } }]
  })
  if (updates.length > 0) editor.updateShapes<TLShotShape>(updates)
}

/** Shot numbers listed in the toast; the rest are counted. */
const LISTED_MISSING = 12

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** "3.4, 5.1", or "3.1, …, 3.12 and 2 more" past LISTED_MISSING. */
function numbersListed(shots: readonly { readonly number: string }[]): string {
  const more = shots.length > LISTED_MISSING ? ` and ${shots.length - LISTED_MISSING} more` : ''
  return `${shots.slice(0, LISTED_MISSING).map((shot) => shot.number).join(', ')}${more}`
}

/**
 * What the toast after a revision says: "Updated 3 shots and 1 scene heading, moved 1 shot,
 * added 2 shots and 1 scene." and, when some of the board's shots are no longer in the script,
 * "2 shots are no longer in the script: 3.4, 5.1" (their numbers on the board); when words typed
 * on the board were kept over the script's, "Kept the words typed on the board on 1 shot the
 * script also changed: 2.3".
 */
export function revisionToastText(report: ScreenplayRevisionReport): { title: string; missing: string | null; kept: string | null } {
  const counted = (...counts: [number, string][]) =>
    counts
      .filter(([n]) => n > 0)
      .map(([n, word]) => plural(n, word))
      .join(' and ')
  const updated = counted([report.updatedShots, 'shot'], [report.updatedHeadings, 'scene heading'])
  const moved = counted([report.movedShots.length, 'shot'])
  const added = counted([report.addedShots, 'shot'], [report.addedScenes, 'scene'])
  const parts = [updated && `updated ${updated}`, moved && `moved ${moved}`, added && `added ${added}`].filter(Boolean)
  const done = parts.join(', ')
  const title = done ? `${done[0]!.toUpperCase()}${done.slice(1)}.` : 'The board already follows this script.'
  const { missingShots, keptEdits } = report
  const count = missingShots.length
  const missing = count === 0 ? null : `${plural(count, 'shot')} ${count === 1 ? 'is' : 'are'} no longer in the script: ${numbersListed(missingShots)}`
  const kept =
    keptEdits.length === 0 ? null : `Kept the words typed on the board on ${plural(keptEdits.length, 'shot')} the script also changed: ${numbersListed(keptEdits)}`
  return { title, missing, kept }
}
