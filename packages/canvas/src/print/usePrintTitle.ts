import { useEffect } from 'react'
import { isolatedName } from '@storyloom/shared/api/typedName'

/**
 * The tab's title of a print page, "<board> – <what>". On screen the name is set apart so a
 * right-to-left one keeps " – <what>" in its place. The browser's Save as PDF names the file
 * after the title, and Chromium makes the isolates "_" there: while printing, the title is the
 * plain name.
 */
export function usePrintTitle(name: string | undefined, what: string): void {
  useEffect(() => {
    const onScreen = name === undefined ? `${what} · Storyloom` : `${isolatedName(name)} – ${what}`
    const printed = name === undefined ? onScreen : `${name} – ${what}`
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
  }, [name, what])
}
