import { useEffect, useState } from 'react'

/**
 * `value` once it has stayed the same for `ms`: what a live region should say about something
 * that changes with every keystroke, so that a screen reader speaks it when typing pauses instead
 * of queueing one announcement per word.
 */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}
