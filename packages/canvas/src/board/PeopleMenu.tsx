import {
  DefaultPeopleMenuContent,
  TldrawUiPopover,
  TldrawUiPopoverContent,
  TldrawUiPopoverTrigger,
  getFirstCharacter,
  useEditor,
  usePeerIds,
  usePresence,
  useValue,
  type TLUserId,
} from 'tldraw'

const MAX_AVATARS = 4

/**
 * You and everyone else on the board. Unlike tldraw's default people menu it is shown when you
 * are alone too, so you can always change the name and colour others see.
 */
export function PeopleMenu() {
  const editor = useEditor()
  const peerIds = usePeerIds()
  const name = useValue('user name', () => editor.user.getName(), [editor])
  const color = useValue('user color', () => editor.user.getColor(), [editor])
  const shown = peerIds.slice(-MAX_AVATARS)
  const others = peerIds.length === 1 ? '1 other person' : `${peerIds.length} other people`

  return (
    <TldrawUiPopover id="storyloom people menu">
      <TldrawUiPopoverTrigger>
        <button
          type="button"
          className="tlui-people-menu__avatars-button people-menu__button"
          title={peerIds.length > 0 ? `You (${name}) and ${others}` : `You (${name}): change your name or colour`}
        >
          <div className="tlui-people-menu__avatars">
            {shown.map((userId) => (
              <PeerAvatar key={userId} userId={userId} />
            ))}
            {peerIds.length > MAX_AVATARS && (
              <div className="tlui-people-menu__avatar tlui-people-menu__more">{peerIds.length - MAX_AVATARS}</div>
            )}
            <div className="tlui-people-menu__avatar" style={{ backgroundColor: color }}>
              {getFirstCharacter(name)}
            </div>
          </div>
        </button>
      </TldrawUiPopoverTrigger>
      <TldrawUiPopoverContent side="bottom" align="end" sideOffset={4}>
        <div className="tlui-people-menu__wrapper">
          <DefaultPeopleMenuContent userIds={peerIds} />
        </div>
      </TldrawUiPopoverContent>
    </TldrawUiPopover>
  )
}

function PeerAvatar({ userId }: { userId: TLUserId }) {
  const presence = usePresence(userId)
  if (!presence) return null
  return (
    <div className="tlui-people-menu__avatar" style={{ backgroundColor: presence.color }} title={presence.userName}>
      {getFirstCharacter(presence.userName)}
    </div>
  )
}
