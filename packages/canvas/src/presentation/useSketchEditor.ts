import { useEffect, useState } from 'react'
import type { Editor, TLStore } from 'tldraw'
import { openSketchEditor } from './sketchEditor'

/** A headless editor following `store` while the component is mounted (see openSketchEditor). */
export function useSketchEditor(store: TLStore): Editor | null {
  const [editor, setEditor] = useState<Editor | null>(null)
  useEffect(() => {
    const opened = openSketchEditor(store)
    setEditor(opened.editor)
    return () => {
      setEditor(null)
      opened.dispose()
    }
  }, [store])
  return editor
}
