import type { Editor, TLEventInfo } from 'tldraw'

/**
 * Ends following someone (People menu → Follow) when the follower acts on the canvas themselves:
 * Escape (tldraw turns it into a `cancel`) or pressing the pointer on it. tldraw itself already
 * stops on the follower's own pan or zoom, and when the person followed leaves.
 *
 * @returns A function that stops watching.
 */
export function stopFollowingOnOwnInput(editor: Editor): () => void {
  const onEvent = (info: TLEventInfo) => {
    const ownInput = (info.type === 'misc' && info.name === 'cancel') || (info.type === 'pointer' && info.name === 'pointer_down')
    if (ownInput && editor.getInstanceState().followingUserId !== null) editor.stopFollowingUser()
  }
  editor.on('before-event', onEvent)
  return () => {
    editor.off('before-event', onEvent)
  }
}
