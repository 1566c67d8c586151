import type { Editor } from 'tldraw'
import { exportShotPlan, type ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import type { ScreenplayRevisionReport } from '@storyloom/shared/storyboard/screenplay/screenplayRevision'
import { shotMove } from '../sequence/sequenceCommands'
import { applyShotPlan, type ShotPlanImportSummary } from './applyShotPlan'

/**
 * Putting a screenplay's plan into the board: as it is when the board holds none of its scenes,
 * else as a revision of what an earlier draft made (reviseShotPlan), so importing the next
 * draft updates the board instead of doubling it. One undo step either way.
 */

export type ScreenplayImport =
  | { readonly kind: 'first-import'; readonly summary: ShotPlanImportSummary }
  | { readonly kind: 'revision'; readonly summary: ShotPlanImportSummary; readonly report: ScreenplayRevisionReport }

/** Puts the plan of a screenplay (checked, fresh ids) into `editor`'s board. */
export async function applyScreenplayPlan(editor: Editor, plan: ShotPlan): Promise<ScreenplayImport> {
  // Loaded with the screenplay readers, only when someone imports a screenplay.
  const { reviseShotPlan } = await import('@storyloom/shared/storyboard/screenplay/screenplayRevision')
  const revision = reviseShotPlan(exportShotPlan(editor.store.allRecords()), plan)
  if (revision.kind === 'first-import') return { kind: 'first-import', summary: applyShotPlan(editor, plan) }
  const { report } = revision
  let summary!: ShotPlanImportSummary
  // One batch after applyShotPlan's history mark: one undo step, one change for collaborators.
  editor.run(() => {
    summary = applyShotPlan(editor, revision.plan, { keepOrder: true, placeAfter: report.placeAfter })
    // One after another in the script's order, as the strip moves a shot into a scene.
    for (const { id, placement } of report.movedShots) shotMove(editor, [id], placement)?.()
  })
  const moved = report.movedShots.map((shot) => shot.id).filter((id) => !summary.shotIds.includes(id))
  return { kind: 'revision', summary: { ...summary, shotIds: [...summary.shotIds, ...moved] }, report }
}

/** Shot numbers listed in the toast; the rest are counted. */
const LISTED_MISSING = 12

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * What the toast after a revision says: "Updated 3 shots and 1 scene heading, moved 1 shot,
 * added 2 shots and 1 scene." and, when some of the board's shots are no longer in the script,
 * "2 shots are no longer in the script: 3.4, 5.1" (their numbers on the board).
 */
export function revisionToastText(report: ScreenplayRevisionReport): { title: string; missing: string | null } {
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
  const count = report.missingShots.length
  if (count === 0) return { title, missing: null }
  const listed = report.missingShots.slice(0, LISTED_MISSING).map((shot) => shot.number)
  const more = count > LISTED_MISSING ? ` and ${count - LISTED_MISSING} more` : ''
  const missing = `${plural(count, 'shot')} ${count === 1 ? 'is' : 'are'} no longer in the script: ${listed.join(', ')}${more}`
  return { title, missing }
}
