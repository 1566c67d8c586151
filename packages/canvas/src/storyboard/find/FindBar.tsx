import { useEffect, useLayoutEffect, useRef } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { focusCanvas, revealShot } from '../sequence/sequenceCommands'
import { closeFindBar, findBarState, setFindCurrent, setFindQuery } from './findBarState'
import { findHighlightsOf } from './findHighlights'

/**
 * The board's find bar, at the top of the canvas while open (Ctrl+F / Cmd+F, or main menu →
 * Find…): shots matching what is typed (see `findShots`), all of them highlighted on the canvas
 * and the strip (see `findHighlightsOf`), and Enter / Shift+Enter or ↓ / ↑ to select the next /
 * previous one, the current match, and bring it into view, as a strip card does. Escape closes
 * it, taking the highlights away, and gives the keyboard back to the canvas, the found shot
 * still selected. Finding only selects: nothing it does is an undo step, and viewers can use it.
 */
export function FindBar() {
  const editor = useEditor()
  const { open, query, request } = useValue('find bar', () => findBarState(editor).get(), [editor])
  if (!open) return null
  return <OpenFindBar query={query} request={request} />
}

function OpenFindBar({ query, request }: { query: string; request: number }) {
  const editor = useEditor()
  const { matches, current } = useValue(findHighlightsOf(editor))
  const index = current === null ? -1 : matches.indexOf(current)
  const bar = useRef<HTMLDivElement>(null)
  const field = useRef<HTMLInputElement>(null)

  useLayoutEffect(() => {
    field.current?.focus()
    field.current?.select()
  }, [request])

  const go = (delta: 1 | -1) => {
    if (matches.length === 0) return
    const next = index < 0 ? (delta > 0 ? 0 : matches.length - 1) : (index + delta + matches.length) % matches.length
    const shotId = matches[next]!
    setFindCurrent(editor, shotId)
    revealShot(editor, shotId as TLShapeId)
  }
  const latestGo = useRef(go)
  latestGo.current = go

  // Native listeners: tldraw reads keys on its container (the bar is inside it) before React
  // does, and Enter's key-up there would start editing the shot just selected, Escape would
  // clear the selection.
  useEffect(() => {
    const el = bar.current
    if (!el) return
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation()
      if (event.key === 'Escape') {
        event.preventDefault()
        closeFindBar(editor)
        focusCanvas(editor)
      } else if (event.key === 'Enter' && event.target === field.current) {
        event.preventDefault()
        latestGo.current(event.shiftKey ? -1 : 1)
      } else if (event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        // Ctrl+F again selects what was typed, rather than opening the browser's find over it.
        event.preventDefault()
        field.current?.focus()
        field.current?.select()
      }
    }
    const onKeyUp = (event: KeyboardEvent) => event.stopPropagation()
    el.addEventListener('keydown', onKeyDown)
    el.addEventListener('keyup', onKeyUp)
    return () => {
      el.removeEventListener('keydown', onKeyDown)
      el.removeEventListener('keyup', onKeyUp)
    }
  }, [editor])

  const status = !query.trim()
    ? ''
    : matches.length === 0
      ? 'No shots match'
      : index < 0
        ? `${matches.length} ${matches.length === 1 ? 'shot' : 'shots'}`
        : `${index + 1} of ${matches.length}`

  return (
    <div ref={bar} className="find-bar floating-surface" role="search" data-testid="find-bar">
      <input
        ref={field}
        className="find-bar__field"
        type="search"
        aria-label="Find shots"
        placeholder="Find shot: number, words, scene, size (CU), status"
        value={query}
        onChange={(event) => setFindQuery(editor, event.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      <span className="find-bar__status" role="status" aria-live="polite" data-testid="find-bar-status">
        {status}
      </span>
      <button type="button" className="find-bar__button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={matches.length === 0} onClick={() => go(-1)}>
        ↑
      </button>
      <button type="button" className="find-bar__button" aria-label="Next match" title="Next match (Enter)" disabled={matches.length === 0} onClick={() => go(1)}>
        ↓
      </button>
      <button
        type="button"
        className="find-bar__button"
        aria-label="Close find"
        title="Close (Esc)"
        onClick={() => {
          closeFindBar(editor)
          focusCanvas(editor)
        }}
      >
        ×
      </button>
    </div>
  )
}
