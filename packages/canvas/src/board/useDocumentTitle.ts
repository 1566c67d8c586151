import { useEffect } from 'react'

/** Names the browser tab `title` while the page is open (nothing yet while undefined), and "Storyloom" again after. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title === undefined) return
    document.title = title
    return () => {
      document.title = 'Storyloom'
    }
  }, [title])
}
