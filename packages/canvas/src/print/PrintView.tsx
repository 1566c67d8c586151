import { useMemo, useRef, type CSSProperties } from 'react'
import { useValue, type TLStore } from 'tldraw'
import { useSearchParams } from 'wouter'
import { longDateText } from '../app/dateTimeText'
import type { BoardMembers } from '../board/boardMembers'
import { usePresentationModel } from '../presentation/usePresentationModel'
import { useSketchEditor } from '../presentation/useSketchEditor'
import { motionAnnotationsByShot } from '../storyboard/motion/motionAnnotationsByShot'
import { DEFAULT_PRINT_OPTIONS, printOptionsFromSearch, printOptionsToSearch } from './printOptions'
import { usePreviewZoom } from './previewZoom'
import { PrintStoryboard } from './PrintStoryboard'
import { PrintToolbar, type PrintWayBack } from './PrintToolbar'
import { assigneeChoices, shotsForPrint } from './shotsFor'
import { usePrintTitle } from './usePrintTitle'
import { usePrintWhenReady } from './usePrintWhenReady'
import '../styles/print.css'

type PrintViewProps = {
  /** The board's records: the team's whole board, or what a review link is shown of it. */
  store: TLStore
  /** undefined while it loads (or when it cannot be). */
  name: string | undefined
  /** The board's members, who name the shots' assignees; null where who draws what is never shown (a review link). */
  members: BoardMembers | null
  /** Where the toolbar's way back goes: the board, or the review. */
  back: PrintWayBack
  /** A picture's address as this page may load it (a review link's go through its asset route). */
  mediaUrl(src: string): string
}

/**
 * A board's storyboard laid out for the browser's Print (or Save as PDF), with the options bar
 * over it; for the team (PrintPage) and for a client on a review link (ReviewPage).
 */
export function PrintView({ store, name, members, back, mediaUrl }: PrintViewProps) {
  const model = usePresentationModel(store)
  const sketchEditor = useSketchEditor(store)
  // A review link's store holds only the camera moves reviewers are sent (docs/review-api.md): no subject paths.
  const annotations = useValue('motion annotations', () => motionAnnotationsByShot(store.allRecords()), [store])
  const [search, setSearch] = useSearchParams()
  const asked = useMemo(() => printOptionsFromSearch(search), [search])
  // "Assigned to" and "Shots for" only where there are people to name (not in local mode, nor on a review link).
  const choices = useMemo(() => assigneeChoices(model.shots, members, asked), [model.shots, members, asked])
  const { options, assignees } = choices
  const shown = useMemo(() => shotsForPrint(model.shots, options.shotsFor, choices.members), [model.shots, options.shotsFor, choices.members])
  const date = useMemo(() => longDateText(new Date()), [])
  const sheet = useRef<HTMLElement>(null)
  const preview = useRef<HTMLDivElement>(null)
  const zoom = usePreviewZoom(preview, options.orientation)
  usePrintTitle(name, 'Storyboard', shown.whose)
  const { print, waitingFor, drawAll } = usePrintWhenReady(sheet)

  return (
    <div className="print-page" ref={preview} style={{ '--preview-zoom': zoom } as CSSProperties}>
      {/* A landmark, as the sheet (main) is, so a screen reader's landmark list reaches the options too. */}
      <header className="print-page__header">
        <PrintToolbar
          back={back}
          // Someone with no shots here: the bar says Everyone, as printed, and the next choice drops them from the address.
          options={shown.unknownPerson ? { ...options, shotsFor: DEFAULT_PRINT_OPTIONS.shotsFor } : options}
          assignees={assignees}
          onOptions={(next) => setSearch(printOptionsToSearch(next), { replace: true })}
          onPrint={print}
          waitingFor={waitingFor}
        />
        {shown.unknownPerson && (
          <p className="print-page__note" role="status" data-testid="print-shots-for-unknown">
            The link asks for the shots of someone who has none on this board now (reassigned, or no longer on it): everyone’s shots are shown.
          </p>
        )}
      </header>
      <PrintStoryboard
        ref={sheet}
        boardName={name}
        date={date}
        model={model}
        shown={shown}
        members={choices.members}
        options={options}
        annotations={annotations}
        sketchEditor={sketchEditor}
        drawAll={drawAll}
        mediaUrl={mediaUrl}
      />
    </div>
  )
}
