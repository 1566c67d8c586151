import { useEffect } from 'react'
import { printTitle } from './printTitle'
import type { ShotsForPrint } from './shotsFor'

/**
 * Sets the tab's title of a print page (see printTitle): the plain one while printing, for the
 * browser's Save as PDF file name, and back to the one with the names set apart after.
 */
export function usePrintTitle(name: string | undefined, what: string, whose: ShotsForPrint['whose'] = null): void {
  const { onScreen, printed } = printTitle(name, what, whose)
  useEffect(() => {
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
  }, [onScreen, printed])
}
