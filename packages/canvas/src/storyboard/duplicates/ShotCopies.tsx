import { useEffect } from 'react'
import { useEditor } from 'tldraw'
import { registerShotCopies } from './shotCopies'

/** Makes copied shots duplicates in the sequence while the board is open (see `registerShotCopies`). Renders nothing. */
export function ShotCopies() {
  const editor = useEditor()
  useEffect(() => registerShotCopies(editor), [editor])
  return null
}
