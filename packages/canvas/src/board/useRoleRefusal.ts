import { useValue } from 'tldraw'
import { roleRefusal, type BoardRole } from '@storyloom/shared/access/roles'
import type { BoardSession } from '../sync/BoardSession'

/**
 * Why the user may not `action` on this board (their role is below `required`), as a sentence
 * for a tooltip or a note; null when they may, and while their role is not known yet (offline:
 * the server decides once the connection returns).
 */
export function useRoleRefusal(session: BoardSession, required: BoardRole, action: string): string | null {
  const role = useValue('my board role', () => session.role.get(), [session])
  return role ? roleRefusal(role, required, action) : null
}
