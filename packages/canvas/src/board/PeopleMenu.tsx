import {
  DefaultPeopleMenuContent,
  TldrawUiPopover,
  TldrawUiPopoverContent,
  TldrawUiPopoverTrigger,
  getFirstCharacter,
  useComputed,
  useEditor,
  usePresence,
  useValue,
  type TLUserId,
} from 'tldraw'
import type { Reviewer } from '../sync/reviewerPresence'
import { useBoardSession } from './BoardSessionContext'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { peopleOnBoard } from './peopleOnBoard'
import { sameIds } from './sameIds'
import { PEOPLE_MENU_ID } from './peopleMenuId'

const MAX_AVATARS = 4

/**
 * You and everyone else on the board, reviewers on a review link too. Unlike tldraw's default
 * people menu it is shown when you are alone too, so you can always change the name and colour
 * others see.
 */
export function PeopleMenu() {
  const editor = useEditor()
  const session = useBoardSession()
  // A new list only when someone comes or goes, not at every cursor move.
  const $peerIds = useComputed('people on the board', () => peopleOnBoard(editor), { isEqual: sameIds }, [editor])
  const peerIds = useValue($peerIds)
  const reviewers = useValue('reviewers', () => session.reviewers.get(), [session])
  const name = useValue('user name', () => editor.user.getName(), [editor])
  const color = useValue('user color', () => editor.user.getColor(), [editor])
  const shown = peerIds.slice(-MAX_AVATARS)
  const count = peerIds.length + reviewers.length
  const others = count === 1 ? '1 other person' : `${count} other people`

  return (
    <TldrawUiPopover id={PEOPLE_MENU_ID}>
      <TldrawUiPopoverTrigger>
        <button
          type="button"
          className="tlui-people-menu__avatars-button people-menu__button"
          title={count > 0 ? `You (${isolatedName(name)}) and ${others}` : `You (${isolatedName(name)}): change your name or colour`}
        >
          <div className="tlui-people-menu__avatars">
            {shown.map((userId) => (
              <PeerAvatar key={userId} userId={userId} />
            ))}
            {peerIds.length > MAX_AVATARS && (
              <div className="tlui-people-menu__avatar tlui-people-menu__more">{peerIds.length - MAX_AVATARS}</div>
            )}
            {reviewers.length > 0 && (
              <div
                className="tlui-people-menu__avatar people-menu__reviewers"
                data-testid="reviewer-count"
                title={reviewers.length === 1 ? '1 reviewer on a review link' : `${reviewers.length} reviewers on a review link`}
              >
                {reviewers.length}
              </div>
            )}
            <div className="tlui-people-menu__avatar" style={{ backgroundColor: color }}>
              {getFirstCharacter(name)}
            </div>
          </div>
        </button>
      </TldrawUiPopoverTrigger>
      <TldrawUiPopoverContent side="bottom" align="end" sideOffset={4}>
        <div className="tlui-people-menu__wrapper people-menu__wrapper">
          <DefaultPeopleMenuContent userIds={peerIds} />
          {reviewers.length > 0 && <ReviewerList reviewers={reviewers} />}
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

/** Reviewers have no cursor or page to follow: just who is watching the review link's presentation. */
function ReviewerList({ reviewers }: { reviewers: readonly Reviewer[] }) {
  return (
    <section className="people-menu__reviewer-list" aria-label="Reviewing now" data-testid="reviewers">
      <h3 className="people-menu__reviewer-heading">Reviewing through a link</h3>
      <ul>
        {reviewers.map((reviewer) => (
          <li key={reviewer.clientId} className="people-menu__reviewer" data-empty={reviewer.name === null || undefined}>
            {reviewer.name ?? 'A reviewer (no name yet)'}
          </li>
        ))}
      </ul>
    </section>
  )
}
