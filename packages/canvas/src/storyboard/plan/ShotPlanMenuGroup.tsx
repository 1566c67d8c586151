import { useCallback } from 'react'
import { TldrawUiMenuGroup, TldrawUiMenuItem, TldrawUiMenuSubmenu, useEditor, useToasts, type TLShapeId, type TLUiToast } from 'tldraw'
import { exportShotPlan, serializeShotPlan, type ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import { shotListCsv } from '@storyloom/shared/storyboard/shotListCsv'
import { getBoard } from '../../api/boardsApi'
import { useBoardSession } from '../../board/BoardSessionContext'
import { assigneeOf, assigneeText, boardMembersOf, formerNumbersOf } from '../../board/boardMembers'
import type { ShotPlanParseResult } from '@storyloom/shared/storyboard/shotPlanSchema'
import { applyShotPlan, readScreenplayFile, readShotPlanFile, showImportedShots } from './applyShotPlan'
import { applyScreenplayPlan, revisionToastText } from './applyScreenplay'
import { downloadText, fileBaseName, pickFile } from './shotPlanFiles'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { ImportFramesMenuItem } from './ImportFramesMenuItem'
import { listedLines, plural, UNDO_NOTE } from './importToastText'

/** Files offered by Import screenplay: Fountain and Final Draft (told apart by their content when read). */
const SCREENPLAY_FILES = ['.fountain', '.spmd', '.txt', '.fdx', 'text/plain', 'application/xml', 'text/xml']

/** Files past this size (a few hundred shots) take long enough to import that a toast says it is under way. */
const LARGE_IMPORT_BYTES = 256 * 1024

/** What the toast after an import says. */
type ImportToast = Pick<TLUiToast, 'title' | 'description' | 'keepOpen' | 'actions'>

/**
 * The main menu's "Shot plan" submenu: export the plan (JSON) and the shot list (CSV), and
 * import a plan, a screenplay (Fountain or Final Draft, read as a plan) or a folder of frames
 * (pictures, each a new shot). Imports are hidden for people who can only view the board.
 */
export function ShotPlanMenuGroup() {
  const editor = useEditor()
  const session = useBoardSession()
  const { addToast } = useToasts()

  const baseName = useCallback(async () => {
    // Offline the board's name may be out of reach; the file is still worth having.
    const name = await getBoard(session.boardId).then(
      (board) => board.name,
      () => undefined,
    )
    return fileBaseName(name, 'storyboard')
  }, [session])

  const exportPlan = useCallback(async () => {
    const text = serializeShotPlan(exportShotPlan(editor.store.allRecords()))
    downloadText(`${await baseName()}.shot-plan.json`, text, 'application/json')
  }, [editor, baseName])

  const exportList = useCallback(async () => {
    // Each shot's latest verdict from a review link, as the server keeps it in the board.
    const review = new Map([...session.review.get().shots].map(([shotId, summary]) => [shotId, summary.verdict]))
    // Who draws each shot, by name as the board shows it.
    const members = boardMembersOf(editor).get()
    const numbers = formerNumbersOf(editor).get()
    const assigneeName = (id: string) => assigneeText(assigneeOf(members, id, numbers))
    // Each shot's own sound last: the file's name is the team's (a review link is sent none, and offers no CSV).
    const csv = shotListCsv(exportShotPlan(editor.store.allRecords()), { frames: true, assigneeName, review, sound: true })
    // With UTF-8's byte order mark: without it Excel reads the file as the PC's legacy code page
    // ("INT. CAFÉ – DAY" shows as "CAFÃ‰ â€“"); Google Sheets and Numbers read it either way.
    downloadText(`${await baseName()}.shot-list.csv`, `\uFEFF${csv}`, 'text/csv;charset=utf-8')
  }, [editor, session, baseName])

  /**
   * Asks for a file, reads it as a plan with `read`, and puts it into the board with `apply`,
   * which says how it went; or says why not.
   */
  const importFile = useCallback(
    async (accept: readonly string[], read: (file: File) => Promise<ShotPlanParseResult>, apply: (plan: ShotPlan) => Promise<ImportToast>) => {
      const file = await pickFile(accept)
      if (!file) return
      if (file.size > LARGE_IMPORT_BYTES) {
        // Reading and laying out thousands of shots holds the page for seconds: say so, on screen before it starts.
        addToast({ id: 'shot-plan-import', title: `Importing ${isolatedName(file.name)}…`, keepOpen: true })
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      }
      const refuse = (problems: string[]) => {
        addToast({
          id: 'shot-plan-import',
          severity: 'error',
          title: `Couldn't import ${isolatedName(file.name)}; the board is unchanged`,
          description: listedLines(problems, 'problem'),
          keepOpen: true,
        })
      }
      const parsed = await read(file)
      if (!parsed.ok) return refuse(parsed.errors)
      try {
        addToast({ id: 'shot-plan-import', severity: 'success', ...(await apply(parsed.plan)) })
      } catch (error) {
        refuse([(error as Error).message])
      }
    },
    [addToast],
  )

  /** A plan into the board: shots with the board's ids updated, the rest added. */
  const applyPlan = useCallback(
    async (plan: ShotPlan): Promise<ImportToast> => {
      const { created, updated, scenes, shotIds } = applyShotPlan(editor, plan)
      showImportedShots(editor, shotIds)
      return {
        title: `Imported ${plural(shotIds.length, 'shot')} in ${plural(scenes, 'scene')}`,
        description: `${updated > 0 ? `${created} new, ${updated} updated. ` : ''}${UNDO_NOTE}`,
      }
    },
    [editor],
  )

  /** A screenplay's plan into the board: as a first import, or as a revision of an earlier draft's. */
  const applyScreenplay = useCallback(
    async (plan: ShotPlan): Promise<ImportToast> => {
      const result = await applyScreenplayPlan(editor, plan)
      showImportedShots(editor, result.summary.shotIds)
      if (result.kind === 'first-import') {
        const { shotIds, scenes } = result.summary
        return { title: `Imported ${plural(shotIds.length, 'shot')} in ${plural(scenes, 'scene')}`, description: UNDO_NOTE }
      }
      const { title, missing, kept } = revisionToastText(result.report)
      if (!missing && !kept) return { title, description: UNDO_NOTE }
      const missingIds = result.report.missingShots.map((shot) => shot.id)
      const keptIds = result.report.keptEdits.map((shot) => shot.id)
      // Selects and frames those still on this page (not deleted, not moved to another page since).
      const select = (ids: readonly TLShapeId[]) => () =>
        showImportedShots(editor, ids.filter((id) => editor.getShape(id) && editor.getAncestorPageId(id) === editor.getCurrentPageId()))
      const actions: TLUiToast['actions'] = []
      if (missing) actions.push({ type: 'normal', label: kept ? 'Select missing' : 'Select them', onClick: select(missingIds) })
      if (kept) actions.push({ type: 'normal', label: missing ? 'Select kept' : 'Select them', onClick: select(keptIds) })
      const lines = [
        missing && `${missing}. ${missingIds.length === 1 ? 'It is' : 'They are'} kept on the board.`,
        kept && `${kept}.`,
      ].filter(Boolean)
      return { title, description: `${lines.join(' ')} ${UNDO_NOTE}`, keepOpen: true, actions }
    },
    [editor],
  )

  return (
    <TldrawUiMenuGroup id="shot-plan">
      <TldrawUiMenuSubmenu id="shot-plan" label="Shot plan">
        <TldrawUiMenuGroup id="shot-plan-export">
          <TldrawUiMenuItem id="export-shot-plan" label="Export shot plan (JSON)" readonlyOk onSelect={() => void exportPlan()} />
          <TldrawUiMenuItem id="export-shot-list" label="Export shot list (CSV)" readonlyOk onSelect={() => void exportList()} />
        </TldrawUiMenuGroup>
        <TldrawUiMenuGroup id="shot-plan-import">
          <TldrawUiMenuItem id="import-shot-plan" label="Import shot plan…" onSelect={() => void importFile(['.json', 'application/json'], readShotPlanFile, applyPlan)} />
          <TldrawUiMenuItem
            id="import-screenplay"
            label="Import screenplay…"
            onSelect={() => void importFile(SCREENPLAY_FILES, (file) => readScreenplayFile(editor, file), applyScreenplay)}
          />
          <ImportFramesMenuItem />
        </TldrawUiMenuGroup>
      </TldrawUiMenuSubmenu>
    </TldrawUiMenuGroup>
  )
}
