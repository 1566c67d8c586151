import { TldrawUiButton, TldrawUiButtonLabel, useEditor, usePresence, useValue, type TLUiPeopleMenuItemProps } from 'tldraw'
import { PEOPLE_MENU_ID } from './peopleMenuId'

/**
 * One other person in the people menu (in place of tldraw's row, whose follow button is an
 * unlabelled icon titled "Following" and whose "go to" is the name itself): their colour and
 * name, **Go to** (centres the canvas on their cursor once) and **Follow** / **Stop following**.
 * Following keeps your view on what they see, on their page, until you pan, zoom, click the
 * canvas or press Esc, or they leave or open Present. Someone not on the canvas (in Present)
 * shares no view: their row says so and offers neither. Follow closes the menu, so that closing
 * it by a click on the canvas does not end the following at once.
 */
export function PersonMenuItem({ userId }: TLUiPeopleMenuItemProps) {
  const editor = useEditor()
  const presence = usePresence(userId)
  const following = useValue('following them', () => editor.getInstanceState().followingUserId === userId, [editor, userId])
  if (!presence) return null
  const name = presence.userName.trim() || 'Someone'
  const followsYou = presence.followingUserId === editor.user.getRecordId()
  // Someone in Present (or any page without the canvas) shares no view: nothing to go to or follow.
  const onCanvas = presence.camera !== null

  const toggleFollow = () => {
    if (following) {
      editor.stopFollowingUser()
      return
    }
    editor.startFollowingUser(userId)
    editor.menus.deleteOpenMenu(PEOPLE_MENU_ID)
  }

  return (
    <div className="tlui-people-menu__item person-menu-item" data-follow={following || followsYou} data-testid="person-menu-item">
      <span className="person-menu-item__swatch" style={{ backgroundColor: presence.color }} aria-hidden="true" />
      <span className="person-menu-item__name">
        <bdi>{name}</bdi>
        {!onCanvas && <span className="person-menu-item__note">not on the canvas</span>}
        {onCanvas && followsYou && <span className="person-menu-item__note">follows you</span>}
      </span>
      <TldrawUiButton type="normal" disabled={!onCanvas} onClick={() => editor.zoomToUser(userId)} aria-label={`Go to ${name}`}>
        <TldrawUiButtonLabel>Go to</TldrawUiButtonLabel>
      </TldrawUiButton>
      <TldrawUiButton type="normal" disabled={!onCanvas && !following} onClick={toggleFollow} aria-pressed={following} aria-label={following ? `Stop following ${name}` : `Follow ${name}`}>
        <TldrawUiButtonLabel>{following ? 'Stop following' : 'Follow'}</TldrawUiButtonLabel>
      </TldrawUiButton>
    </div>
  )
}
