import { useMemo, useRef, type CSSProperties } from 'react'
import { useValue, type TLStore } from 'tldraw'
import { useSearchParams } from 'wouter'
import { longDateText } from '../app/dateTimeText'
import { usePresentationModel } from '../presentation/usePresentationModel'
import { useSketchEditor } from '../presentation/useSketchEditor'
import { motionAnnotationsByShot } from '../storyboard/motion/motionAnnotationsByShot'
import { printOptionsFromSearch, printOptionsToSearch } from './printOptions'
import { usePreviewZoom } from './previewZoom'
import { PrintStoryboard } from './PrintStoryboard'
import { PrintToolbar, type PrintWayBack } from './PrintToolbar'
import { usePrintTitle } from './usePrintTitle'
import { usePrintWhenReady } from './usePrintWhenReady'
import '../styles/print.css'

type PrintViewProps = {
  /** The board's records: the team's whole board, or what a review link is shown of it. */
  store: TLStore
  /** undefined while it loads (or when it cannot be). */
  name: string | undefined
  /** Where the toolbar's way back goes: the board, or the review. */
  back: PrintWayBack
  /** A picture's address as this page may load it (a review link's go through its asset route). */
  mediaUrl(src: string): string
}

/**
 * A board's storyboard laid out for the browser's Print (or Save as PDF), with the options bar
 * over it; for the team (PrintPage) and for a client on a review link (ReviewPage).
 */
export function PrintView({ store, name, back, mediaUrl }: PrintViewProps) {
  const model = usePresentationModel(store)
  const sketchEditor = useSketchEditor(store)
  // A review link's store holds only the camera moves reviewers are sent (docs/review-api.md): no subject paths.
  const annotations = useValue('motion annotations', () => motionAnnotationsByShot(store.allRecords()), [store])
  const [search, setSearch] = useSearchParams()
  const options = useMemo(() => printOptionsFromSearch(search), [search])
  const date = useMemo(() => longDateText(new Date()), [])
  const sheet = useRef<HTMLElement>(null)
  const preview = useRef<HTMLDivElement>(null)
  const zoom = usePreviewZoom(preview, options.orientation)
  usePrintTitle(name, 'Storyboard')
  const { print, waitingFor, drawAll } = usePrintWhenReady(sheet)

  return (
    <div className="print-page" ref={preview} style={{ '--preview-zoom': zoom } as CSSProperties}>
      {/* A landmark, as the sheet (main) is, so a screen reader's landmark list reaches the options too. */}
      <header className="print-page__header">
        <PrintToolbar
          back={back}
          options={options}
          onOptions={(next) => setSearch(printOptionsToSearch(next), { replace: true })}
          onPrint={print}
          waitingFor={waitingFor}
        />
      </header>
      <PrintStoryboard ref={sheet} boardName={name} date={date} model={model} options={options} annotations={annotations} sketchEditor={sketchEditor} drawAll={drawAll} mediaUrl={mediaUrl} />
    </div>
  )
}
