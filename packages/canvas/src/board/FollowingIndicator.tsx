import { useEditor, usePresence, useValue, type TLUserId } from 'tldraw'

/**
 * While you follow someone: tldraw's frame around the canvas in their colour, with a tag saying
 * "Following <name>" (the frame alone does not say whose view it is, nor how to leave it).
 */
export function FollowingIndicator() {
  const editor = useEditor()
  const followingUserId = useValue('following', () => editor.getInstanceState().followingUserId, [editor])
  return followingUserId ? <FollowingFrame userId={followingUserId} /> : null
}

function FollowingFrame({ userId }: { userId: TLUserId }) {
  const presence = usePresence(userId)
  if (!presence) return null
  return (
    <div className="tlui-following-indicator following-indicator" style={{ borderColor: presence.color }} data-testid="following-indicator">
      <div className="following-indicator__tag" role="status" style={{ backgroundColor: presence.color }}>
        Following <bdi>{presence.userName.trim() || 'Someone'}</bdi> · Esc to stop
      </div>
    </div>
  )
}
