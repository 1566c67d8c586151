import { useMemo, type RefObject } from 'react'
import type { Editor } from 'tldraw'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import { assigneeOf, assigneeText, unnamedFormerNumbers, type BoardMembers } from '../board/boardMembers'
import type { PresentationModel, PresentationShot } from '../presentation/presentationShots'
import type { MotionAnnotation } from '../storyboard/motion/shotMotionLabels'
import { SceneHeading } from '../presentation/SceneHeading'
import { useNearScreen } from '../presentation/useNearScreen'
import { pageRule } from './pageStyle'
import { PICTURES_PENDING_ATTRIBUTE } from './picturesReady'
import { PrintPanel } from './PrintPanel'
import { printSections } from './printLayout'
import type { PrintOptions } from './printOptions'
import { whoseShotsText } from './printTitle'
import type { ShotsForPrint } from './shotsFor'

type PrintStoryboardProps = {
  /** The board's name; undefined while it loads (or when it cannot be). */
  boardName: string | undefined
  /** When it is printed, as the header says it: e.g. "3 December 2026". */
  date: string
  model: PresentationModel
  /** The shots to print ("Shots for") and whose they are. */
  shown: ShotsForPrint
  /** Who names the shots' assignees ("Assigned to"). */
  members: BoardMembers
  options: PrintOptions
  /** Each shot's motion annotations by shot id (drawing order); drawn over its frame when `options.arrows`. */
  annotations: ReadonlyMap<string, readonly MotionAnnotation[]>
  sketchEditor: Editor | null
  /** Draw every sketch, not only those near the screen: the storyboard is about to be printed. */
  drawAll: boolean
  /** A picture's address as this page may load it (see PrintView). */
  mediaUrl(src: string): string
  ref: RefObject<HTMLElement | null>
}

const NO_ANNOTATIONS: readonly MotionAnnotation[] = []

/**
 * The storyboard as printed pages: a title block (board name, whose shots when they are one
 * person's, date, shots and runtime), then each scene's heading and its shots in rows. A row never splits across pages and a heading
 * stays with its first row (print.css); the `@page` rule sets the orientation, margins, and the
 * footer with the board's name, date and page numbers. Sketches are drawn for the panels on or
 * near the screen (a board may have hundreds), all of them once `drawAll` says it is printing.
 */
export function PrintStoryboard({ boardName, date, model, shown, members, options, annotations, sketchEditor, drawAll, mediaUrl, ref }: PrintStoryboardProps) {
  const someShots = shown.whose !== null
  const sections = useMemo(() => printSections(shown.shots, options.perRow, { someShots }), [shown.shots, options.perRow, someShots])
  // A panel moved to another row or scene is a new element: its place is part of what is watched.
  const watched = useMemo(() => sections.flatMap((section) => section.rows.flatMap((row, i) => row.map((shot) => `${section.scene?.id ?? ''} ${i} ${shot.id}`))), [sections])
  const near = useNearScreen(ref, watched)
  const title = boardName ?? 'Storyboard'
  const count = someShots ? `${shown.shots.length} of ${model.shots.length}` : `${model.shots.length}`
  const shots = `${count} ${model.shots.length === 1 ? 'shot' : 'shots'}`
  const seconds = someShots ? shown.shots.reduce((total, shot) => total + shot.seconds, 0) : model.totalSeconds
  // Former members never seen named are numbered among the whole board's assignees, as the canvas numbers them.
  const numbers = useMemo(() => unnamedFormerNumbers(members, model.shots.map((shot) => shot.assigneeId)), [members, model.shots])
  const assigneeName = (shot: PresentationShot) => (options.fields.has('assignee') && shot.assigneeId !== null ? assigneeText(assigneeOf(members, shot.assigneeId, numbers)) : null)
  const footFor = whoseShotsText(shown.whose, isolatedName)
  const pending = sketchEditor === null ? { [PICTURES_PENDING_ATTRIBUTE]: '' } : {}
  return (
    <main
      ref={ref}
      className="print-sheet"
      data-testid="print-sheet"
      data-orientation={options.orientation}
      data-per-row={options.perRow}
      data-scene-per-page={options.scenePerPage || undefined}
      {...pending}
    >
      {/* One person's pages say whose on every page: a page that strays from their pile finds its way back. */}
      <style>{pageRule(options.orientation, [boardName === undefined ? title : isolatedName(boardName), footFor, date].filter(Boolean).join(' · '))}</style>
      <header className="print-sheet__header">
        <h1 className="print-sheet__title">{boardName === undefined ? title : <bdi>{boardName}</bdi>}</h1>
        {shown.whose && (
          <p className="print-sheet__for" data-testid="print-shots-for">
            {shown.whose.kind === 'nobody' ? 'Unassigned shots' : <>Shots for <bdi>{shown.whose.name}</bdi></>}
          </p>
        )}
        <p className="print-sheet__meta">
          Storyboard · {shots} · {formatRuntime(seconds)} · {date}
        </p>
      </header>
      {model.shots.length === 0 && <p className="print-sheet__empty">This board has no shots yet. Add shots with the shot tool (S) and they print here.</p>}
      {model.shots.length > 0 && shown.shots.length === 0 && <p className="print-sheet__empty">Every shot on this board is assigned to someone.</p>}
      {sections.map((section) => {
        const [first, ...rest] = section.rows.map((row, i) => (
          <div key={i} className="print-row">
            {row.map((shot) => (
              <PrintPanel key={shot.id} shot={shot} fields={options.fields} assignee={assigneeName(shot)} annotations={(options.arrows && annotations.get(shot.id)) || NO_ANNOTATIONS} sketchEditor={sketchEditor} draw={drawAll || near.has(shot.id)} mediaUrl={mediaUrl} />
            ))}
          </div>
        ))
        return (
          <section key={section.scene?.id ?? ''} className="print-scene" data-testid="print-scene">
            {/* The heading and the first row are kept on one page: a heading alone at a page's foot says nothing. */}
            <div className="print-scene__opening">
              {model.hasScenes && <SceneHeading group={section} block="print-scene" testId="print-scene-heading" />}
              {first}
            </div>
            {rest}
          </section>
        )
      })}
    </main>
  )
}
