import { useEffect } from 'react'
import { useEditor } from 'tldraw'
import { registerReferenceFollowing } from './referenceFollowing'

/** Keeps references docked with their shots while the board is open (see `registerReferenceFollowing`). Renders nothing. */
export function ReferenceFollowing() {
  const editor = useEditor()
  useEffect(() => registerReferenceFollowing(editor), [editor])
  return null
}
