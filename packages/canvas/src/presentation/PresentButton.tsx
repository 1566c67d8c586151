import { useEditor, useValue } from 'tldraw'
import { Link } from 'wouter'
import { useBoardSession } from '../board/BoardSessionContext'
import { selectedShotId } from '../storyboard/sequence/sequenceCommands'
import { hashWithShot } from './shotInUrl'

/**
 * Opens the board's presentation (its own URL, so it can be shared with the team), on the
 * selected shot when one is: "present from here", as slide software does.
 */
export function PresentButton() {
  const session = useBoardSession()
  const editor = useEditor()
  const shotId = useValue('selected shot', () => selectedShotId(editor), [editor])
  const hash = shotId ? hashWithShot('', shotId) : ''
  return (
    <Link href={`/b/${session.boardId}/present${hash}`} className="board-present-button" title="Play the board as an animatic">
      Present
    </Link>
  )
}
