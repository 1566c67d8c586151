import { useEffect, useRef, useState, type RefObject } from 'react'
import { whenPicturesReady } from './picturesReady'

/**
 * How long Print waits for pictures before printing what is there: a sketch that cannot be
 * drawn must not keep the board from being printed at all.
 */
const PICTURE_WAIT_LIMIT_MS = 30_000

/** A print page's Print: what it calls, how many pictures it waits for, and whether to draw every picture now. */
export type PrintWhenReady = {
  print(): void
  /** Pictures still loading while a print waits for them; null when no print is waiting. */
  waitingFor: number | null
  /** Draw every sketch, not only those near the screen: the page is about to be printed. */
  drawAll: boolean
}

/**
 * Print (the button, and Ctrl+P) for the printed pages in `sheet`: it has every sketch drawn,
 * waits until every picture in the sheet is in (at most {@link PICTURE_WAIT_LIMIT_MS}), then
 * calls the browser's print.
 */
export function usePrintWhenReady(sheet: RefObject<HTMLElement | null>): PrintWhenReady {
  const [waitingFor, setWaitingFor] = useState<number | null>(null)
  const [drawAll, setDrawAll] = useState(false)
  const printing = useRef<AbortController | null>(null)
  useEffect(() => () => printing.current?.abort(), [])

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

  return { print, waitingFor, drawAll }
}
