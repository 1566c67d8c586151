import { useCallback, useEffect, useState } from 'react'

/** How long (ms) a passing notice beside a field stays, unless the next key clears it first. */
export const PASSING_NOTICE_MS = 4000

/** A short notice that goes by itself: what to show now, and how to show or clear it. */
export interface PassingNotice {
  readonly text: string
  readonly show: (text: string) => void
  readonly clear: () => void
}

/**
 * A notice that clears itself after {@link PASSING_NOTICE_MS}, for a field outside tldraw's UI
 * (no toasts there). Showing it again, even the same words, starts the time again.
 */
export function usePassingNotice(): PassingNotice {
  const [shown, setShown] = useState<{ readonly text: string } | null>(null)
  useEffect(() => {
    if (!shown) return
    const timer = setTimeout(() => setShown(null), PASSING_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [shown])
  const show = useCallback((text: string) => setShown({ text }), [])
  const clear = useCallback(() => setShown(null), [])
  return { text: shown?.text ?? '', show, clear }
}
