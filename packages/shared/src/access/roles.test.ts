import { describe, expect, it } from 'vitest'
import { COMMENT_ROLE, SHARE_LINK_ROLE, roleRefusal } from './roles'

describe('roleRefusal', () => {
  it('lets a role do what it, or any weaker role, may', () => {
    expect(roleRefusal('commenter', COMMENT_ROLE)).toBeNull()
    expect(roleRefusal('owner', COMMENT_ROLE)).toBeNull()
    expect(roleRefusal('editor', SHARE_LINK_ROLE)).toBeNull()
  })

  it('says who may, and what the user is', () => {
    expect(roleRefusal('viewer', COMMENT_ROLE, 'write comments')).toBe('Only commenters, editors and owners can write comments; you are a viewer on this board')
    expect(roleRefusal('commenter', SHARE_LINK_ROLE, 'create review links')).toBe('Only editors and owners can create review links; you are a commenter on this board')
    expect(roleRefusal('editor', 'owner')).toBe('Only owners can do this; you are an editor on this board')
  })
})
