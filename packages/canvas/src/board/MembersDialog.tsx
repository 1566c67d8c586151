import { useEffect, useRef, useState } from 'react'
import {
  TldrawUiDialogBody,
  TldrawUiDialogCloseButton,
  TldrawUiDialogHeader,
  TldrawUiDialogTitle,
  useValue,
  type TLUiDialogProps,
} from 'tldraw'
import { BOARD_ROLES, type BoardRole } from '@storyloom/shared/access/roles'
import { invitePath, type InviteResponse, type MemberResponse } from '@storyloom/shared/api/accounts'
import { ApiError } from '../api/apiClient'
import { CopyableLink } from '../app/CopyableLink'
import { useDialogKeyboard } from '../app/useDialogKeyboard'
import { changeMemberRole, createInvite, listInvites, listMembers, removeMember, revokeInvite } from '../api/accountsApi'
import { useAccount } from '../account/SessionContext'
import { useBoardSession } from './BoardSessionContext'
import { InviteLinkList } from './InviteLinkList'
import { RemoveMemberConfirm } from './RemoveMemberConfirm'
import { isolatedName } from '@storyloom/shared/api/typedName'

const ROLE_LABELS: Record<BoardRole, string> = {
  viewer: 'Viewer — sees the board',
  commenter: 'Commenter — sees and comments',
  editor: 'Editor — changes the board',
  owner: 'Owner — also manages members',
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.'
}

/**
 * Loads `load()` (when not null) each time `deps` change, into `onLoaded` or `onFailed`; an
 * answer that a later load superseded is dropped, so lists reloaded in quick succession end on
 * the newest.
 */
function useLatest<T>(load: (() => Promise<T>) | null, onLoaded: (value: T) => void, onFailed: (error: unknown) => void, deps: unknown[]): void {
  useEffect(() => {
    if (!load) return
    let latest = true
    load().then(
      (value) => latest && onLoaded(value),
      (error: unknown) => latest && onFailed(error),
    )
    return () => {
      latest = false
    }
  }, deps)
}

/** The board's members and invite links: everyone sees who is here, owners change it. */
export function MembersDialog({ onClose }: TLUiDialogProps) {
  const session = useBoardSession()
  const { session: account } = useAccount()
  const myRole = useValue('my board role', () => session.role.get(), [session])
  const isOwner = myRole === 'owner'
  const [members, setMembers] = useState<MemberResponse[]>()
  const [error, setError] = useState<string>()
  const [inviteRole, setInviteRole] = useState<BoardRole>('editor')
  const [inviteLink, setInviteLink] = useState<string>()
  const [invites, setInvites] = useState<InviteResponse[]>([])
  const [removing, setRemoving] = useState<string>()
  // On close the keyboard goes back to the Share/Members button, and Escape leaves the canvas's
  // selection alone.
  const footerRef = useRef<HTMLDivElement>(null)
  useDialogKeyboard(footerRef, onClose)

  // Live: the server tells open boards when members or invite links change (someone joined with a
  // link, left, or got another role), and when my own role changes (the list shows mine too).
  const membersRevision = useValue('board members revision', () => session.membersRevision.get(), [session])
  useLatest(() => listMembers(session.boardId), setMembers, (e) => setError(messageOf(e)), [session.boardId, myRole, membersRevision])
  useLatest(isOwner ? () => listInvites(session.boardId) : null, setInvites, () => setInvites([]), [session.boardId, isOwner, membersRevision])

  const run = async (action: () => Promise<void>) => {
    setError(undefined)
    try {
      await action()
    } catch (e) {
      setError(messageOf(e))
    }
  }
  const makeInvite = () =>
    run(async () => {
      const invite = await createInvite(session.boardId, inviteRole)
      setInviteLink(location.origin + invitePath(invite.token))
      setInvites(await listInvites(session.boardId))
    })

  return (
    <>
      <TldrawUiDialogHeader>
        <TldrawUiDialogTitle>Board members</TldrawUiDialogTitle>
        <TldrawUiDialogCloseButton />
      </TldrawUiDialogHeader>
      <TldrawUiDialogBody className="members-dialog">
        {isOwner && (
          <section className="members-dialog__invite" aria-label="Invite people">
            <label className="members-dialog__label">
              Invite as
              <select className="input" value={inviteRole} onChange={(e) => setInviteRole(e.target.value as BoardRole)}>
                {BOARD_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--primary" onClick={() => void makeInvite()}>
              Create invite link
            </button>
            {inviteLink && (
              <CopyableLink url={inviteLink} label="Invite link" className="members-dialog__link">
                <p className="members-dialog__hint">One person can join with this link, within 7 days. It is shown only now: make one link per person.</p>
              </CopyableLink>
            )}
          </section>
        )}
        {isOwner && (
          <InviteLinkList
            invites={invites}
            onRevoke={(inviteId) =>
              void run(async () => {
                await revokeInvite(session.boardId, inviteId)
                setInvites(await listInvites(session.boardId))
              })
            }
          />
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!members && !error && <p role="status">Loading members…</p>}
        {members && <h3 className="members-dialog__heading">Members</h3>}
        {members && (
          <ul className="members-dialog__list" aria-label="Members">
            {members.map((member) => (
              <li key={member.userId} className="members-dialog__member">
                <span className="members-dialog__who">
                  <span>
                    <strong><bdi>{member.name}</bdi></strong>
                    {member.userId === account?.user?.id && ' (you)'}
                  </span>
                  <span className="members-dialog__email">{member.email}</span>
                </span>
                {isOwner && removing === member.userId ? (
                  <RemoveMemberConfirm
                    member={member}
                    isMe={member.userId === account?.user?.id}
                    onCancel={() => setRemoving(undefined)}
                    onConfirm={() =>
                      void run(async () => {
                        setRemoving(undefined)
                        await removeMember(session.boardId, member.userId)
                        setMembers(await listMembers(session.boardId))
                      })
                    }
                  />
                ) : isOwner ? (
                  <>
                    <select
                      className="input"
                      aria-label={`Role of ${isolatedName(member.name)}`}
                      value={member.role}
                      onChange={(e) =>
                        void run(async () => setMembers(await changeMemberRole(session.boardId, member.userId, e.target.value as BoardRole)))
                      }
                    >
                      {BOARD_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button button--quiet button--danger"
                      aria-label={`Remove ${isolatedName(member.name)}`}
                      onClick={() => setRemoving(member.userId)}
                    >
                      Remove
                    </button>
                  </>
                ) : (
                  <span className="members-dialog__role">{member.role}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="members-dialog__footer" ref={footerRef}>
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </TldrawUiDialogBody>
    </>
  )
}
