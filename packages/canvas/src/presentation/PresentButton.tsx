import { getFirstCharacter, useEditor, useValue } from 'tldraw'
import { Link } from 'wouter'
import { useBoardSession } from '../board/BoardSessionContext'
import { useTopBarLayout } from '../board/topBarLayout'
import { selectedShotId } from '../storyboard/sequence/sequenceCommands'
import { hashWithShot } from './shotInUrl'

/**
 * Opens the board's presentation (its own URL, so it can be shared with the team), on the
 * selected shot when one is: "present from here", as slide software does. While a colleague
 * presents the board to everyone it offers to join them instead (Present then follows them).
 * On a phone it is a play icon, named "Present" for screen readers; "Join" is the icon and the
 * presenter's initial there, its live dot on the corner, still named "Join <name>".
 */
export function PresentButton() {
  const session = useBoardSession()
  const editor = useEditor()
  const shotId = useValue('selected shot', () => selectedShotId(editor), [editor])
  const presenter = useValue('presenter', () => session.presenters.get()[0], [session])
  const phone = useTopBarLayout() === 'phone'
  if (presenter) {
    return (
      <Link
        href={`/b/${session.boardId}/present`}
        className="board-present-button board-present-button--join"
        data-icon={phone || undefined}
        title={`${presenter.name} is presenting the board: follow along`}
      >
        <span className="board-present-button__live" aria-hidden />
        {phone && <span className="board-present-button__icon" aria-hidden />}
        {phone && <span aria-hidden>{getFirstCharacter(presenter.name)}</span>}
        <span className={phone ? 'visually-hidden' : 'board-present-button__name'}>
          Join <bdi>{presenter.name}</bdi>
        </span>
      </Link>
    )
  }
  const hash = shotId ? hashWithShot('', shotId) : ''
  return (
    <Link href={`/b/${session.boardId}/present${hash}`} className="board-present-button" data-icon={phone || undefined} title="Play the board as an animatic">
      {phone && <span className="board-present-button__icon" aria-hidden />}
      <span className={phone ? 'visually-hidden' : undefined}>Present</span>
    </Link>
  )
}
