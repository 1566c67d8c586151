import { useMemo, type RefObject } from 'react'
import type { Editor } from 'tldraw'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import type { PresentationModel } from '../presentation/presentationShots'
import type { MotionAnnotation } from '../storyboard/motion/shotMotionLabels'
import { SceneHeading } from '../presentation/SceneHeading'
import { useNearScreen } from '../presentation/useNearScreen'
import { pageRule } from './pageStyle'
import { PICTURES_PENDING_ATTRIBUTE } from './picturesReady'
import { PrintPanel } from './PrintPanel'
import { printSections } from './printLayout'
import type { PrintOptions } from './printOptions'

type PrintStoryboardProps = {
  /** The board's name; undefined while it loads (or when it cannot be). */
  boardName: string | undefined
  /** When it is printed, as the header says it: e.g. "3 December 2026". */
  date: string
  model: PresentationModel
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
 * The storyboard as printed pages: a title block (board name, date, shots and runtime), then
 * each scene's heading and its shots in rows. A row never splits across pages and a heading
 * stays with its first row (print.css); the `@page` rule sets the orientation, margins, and the
 * footer with the board's name, date and page numbers. Sketches are drawn for the panels on or
 * near the screen (a board may have hundreds), all of them once `drawAll` says it is printing.
 */
export function PrintStoryboard({ boardName, date, model, options, annotations, sketchEditor, drawAll, mediaUrl, ref }: PrintStoryboardProps) {
  const sections = useMemo(() => printSections(model.shots, options.perRow), [model.shots, options.perRow])
  // A panel moved to another row or scene is a new element: its place is part of what is watched.
  const watched = useMemo(() => sections.flatMap((section) => section.rows.flatMap((row, i) => row.map((shot) => `${section.scene?.id ?? ''} ${i} ${shot.id}`))), [sections])
  const near = useNearScreen(ref, watched)
  const title = boardName ?? 'Storyboard'
  const shots = `${model.shots.length} ${model.shots.length === 1 ? 'shot' : 'shots'}`
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
      <style>{pageRule(options.orientation, `${boardName === undefined ? title : isolatedName(boardName)} · ${date}`)}</style>
      <header className="print-sheet__header">
        <h1 className="print-sheet__title">{boardName === undefined ? title : <bdi>{boardName}</bdi>}</h1>
        <p className="print-sheet__meta">
          Storyboard · {shots} · {formatRuntime(model.totalSeconds)} · {date}
        </p>
      </header>
      {model.shots.length === 0 && <p className="print-sheet__empty">This board has no shots yet. Add shots with the shot tool (S) and they print here.</p>}
      {sections.map((section) => {
        const [first, ...rest] = section.rows.map((row, i) => (
          <div key={i} className="print-row">
            {row.map((shot) => (
              <PrintPanel key={shot.id} shot={shot} fields={options.fields} annotations={(options.arrows && annotations.get(shot.id)) || NO_ANNOTATIONS} sketchEditor={sketchEditor} draw={drawAll || near.has(shot.id)} mediaUrl={mediaUrl} />
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
