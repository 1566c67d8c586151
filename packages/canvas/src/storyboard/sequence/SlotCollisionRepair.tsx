import { useEffect } from 'react'
import { useEditor } from 'tldraw'
import { registerSlotCollisionRepair } from './slotCollisions'

/** Lays out a scene whose shots two concurrent reorders left on one slot (see `registerSlotCollisionRepair`). Renders nothing. */
export function SlotCollisionRepair() {
  const editor = useEditor()
  useEffect(() => registerSlotCollisionRepair(editor), [editor])
  return null
}
