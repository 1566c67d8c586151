import { REFERENCE_ROLES, entryOf, type ReferenceRole } from '@storyloom/shared/storyboard/vocabulary'

/**
 * The role a reference gets when it is dropped on a shot. "Style" is the one role every image
 * can play (look, palette, lighting); a character or location sheet is one click away on its tag.
 */
export const DEFAULT_REFERENCE_ROLE: ReferenceRole = 'style'

/** A role as the UI names it ("Character"). */
export function referenceRoleLabel(role: ReferenceRole): string {
  return entryOf(REFERENCE_ROLES, role).label
}
