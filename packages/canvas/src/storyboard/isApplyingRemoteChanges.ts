import type { Editor } from 'tldraw'

/**
 * True while the store applies changes from another collaborator (`mergeRemoteChanges`).
 * tldraw runs "before delete" binding callbacks inside that merge; one that deletes (an
 * annotation with its shot) must then do nothing, because the writer's own deletions arrive in
 * the same batch. After-change callbacks run once the flag is already cleared, so they cannot
 * use this: see `registerReferenceFollowing`. tldraw 5.4.2 keeps the flag private; it is the
 * store's own record of the fact, so reading it is safer than tracking it beside it.
 */
export function isApplyingRemoteChanges(editor: Editor): boolean {
  return (editor.store as unknown as { isMergingRemoteChanges?: boolean }).isMergingRemoteChanges === true
}
