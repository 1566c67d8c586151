import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react'
import type { TLStore } from 'tldraw'
import { useSearchParams } from 'wouter'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { usePresentationModel } from '../presentation/usePresentationModel'
import { useSketchEditor } from '../presentation/useSketchEditor'
import { whenPicturesReady } from './picturesReady'
import { printOptionsFromSearch, printOptionsToSearch } from './printOptions'
import { usePreviewZoom } from './previewZoom'
import { PrintStoryboard } from './PrintStoryboard'
import { PrintToolbar, type PrintWayBack } from './PrintToolbar'
import '../styles/print.css'

/**
 * How long Print waits for pictures before printing what is there: a sketch that cannot be
 * drawn must not keep the board from being printed at all.
 */
const PICTURE_WAIT_LIMIT_MS = 30_000

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
  const [search, setSearch] = useSearchParams()
  const options = useMemo(() => printOptionsFromSearch(search), [search])
  const date = useMemo(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date()), [])
  const sheet = useRef<HTMLElement>(null)
  const preview = useRef<HTMLDivElement>(null)
  const zoom = usePreviewZoom(preview, options.orientation)
  const [waitingFor, setWaitingFor] = useState<number | null>(null)
  const printing = useRef<AbortController | null>(null)
  useEffect(() => () => printing.current?.abort(), [])

  // In the tab, the name is set apart so a right-to-left one keeps " – Storyboard" in its place. The
  // browser's Save as PDF names the file after the title, and Chromium makes the isolates "_"
  // there: while printing, the title is the plain name.
  useEffect(() => {
    const onScreen = name === undefined ? 'Storyboard · Storyloom' : `${isolatedName(name)} – Storyboard`
    const printed = name === undefined ? onScreen : `${name} – Storyboard`
    const beforePrint = () => void (document.title = printed)
    const afterPrint = () => void (document.title = onScreen)
    afterPrint()
    window.addEventListener('beforeprint', beforePrint)
    window.addEventListener('afterprint', afterPrint)
    return () => {
      window.removeEventListener('beforeprint', beforePrint)
      window.removeEventListener('afterprint', afterPrint)
      document.title = 'Storyloom'
    }
  }, [name])

  // Sketches far from the screen are drawn only for printing (see PrintStoryboard).
  const [drawAll, setDrawAll] = useState(false)

  const print = () => {
    const root = sheet.current
    if (!root || printing.current) return
    const abort = new AbortController()
    printing.current = abort
    // Not yet drawn, they count as pictures on their way: the wait below ends once all are in.
    setDrawAll(true)
    const limit = setTimeout(() => abort.abort(new Error('pictures took too long')), PICTURE_WAIT_LIMIT_MS)
    whenPicturesReady(root, abort.signal, setWaitingFor)
      .catch(() => {}) // past the limit: print what is there
      .then(() => {
        clearTimeout(limit)
        printing.current = null
        setWaitingFor(null)
        if (sheet.current) window.print()
      })
  }

  // Ctrl+P prints as the Print button does: with every sketch and picture in, not only those drawn so far.
  const printNow = useRef(print)
  printNow.current = print
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'p') return
      event.preventDefault()
      printNow.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <div className="print-page" ref={preview} style={{ '--preview-zoom': zoom } as CSSProperties}>
      <PrintToolbar
        back={back}
        options={options}
        onOptions={(next) => setSearch(printOptionsToSearch(next), { replace: true })}
        onPrint={print}
        waitingFor={waitingFor}
      />
      <PrintStoryboard ref={sheet} boardName={name} date={date} model={model} options={options} sketchEditor={sketchEditor} drawAll={drawAll} mediaUrl={mediaUrl} />
    </div>
  )
}
