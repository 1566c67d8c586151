import type { BoardRole } from '@storyloom/shared/access/roles'
import type {
  AcceptInviteResponse,
  AccountResponse,
  CreatedPasswordResetResponse,
  DeletedAccountResponse,
  CreatedInviteResponse,
  InvitePreviewResponse,
  InviteResponse,
  MemberResponse,
  PasswordResetPreviewResponse,
  SessionResponse,
  UserResponse,
} from '@storyloom/shared/api/accounts'
import { api, succeed } from './apiClient'

/** Whether accounts are on, and who is signed in. */
export async function getSession(): Promise<SessionResponse> {
  return (await succeed(api.session.$get())).json()
}

export async function signIn(email: string, password: string): Promise<UserResponse> {
  return (await succeed(api.auth['sign-in'].$post({ json: { email, password } }))).json()
}

/** `inviteToken`: the invite link signed up from (needed where sign-up is by invitation). */
export async function signUp(name: string, email: string, password: string, inviteToken?: string): Promise<UserResponse> {
  return (await succeed(api.auth['sign-up'].$post({ json: { name, email, password, ...(inviteToken === undefined ? {} : { inviteToken }) } }))).json()
}

export async function signOut(): Promise<void> {
  await succeed(api.auth['sign-out'].$post())
}

/** The caller's role on a board. */
export async function getBoardRole(boardId: string, signal?: AbortSignal): Promise<BoardRole> {
  return (await (await succeed(api.boards[':boardId'].access.$get({ param: { boardId } }, { init: { signal } }))).json()).role
}

export async function listMembers(boardId: string): Promise<MemberResponse[]> {
  return (await (await succeed(api.boards[':boardId'].members.$get({ param: { boardId } }))).json()).members
}

export async function changeMemberRole(boardId: string, userId: string, role: BoardRole): Promise<MemberResponse[]> {
  return (await (await succeed(api.boards[':boardId'].members[':userId'].$patch({ param: { boardId, userId }, json: { role } }))).json()).members
}

export async function removeMember(boardId: string, userId: string): Promise<void> {
  await succeed(api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId } }))
}

export async function createInvite(boardId: string, role: BoardRole): Promise<CreatedInviteResponse> {
  return (await succeed(api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role } }))).json()
}

export async function previewInvite(token: string): Promise<InvitePreviewResponse> {
  return (await succeed(api.invites.preview.$post({ json: { token } }))).json()
}

export async function acceptInvite(token: string): Promise<AcceptInviteResponse> {
  return (await succeed(api.invites.accept.$post({ json: { token } }))).json()
}

/** The board's invite links that still work (owners only; without their tokens). */
export async function listInvites(boardId: string): Promise<InviteResponse[]> {
  return (await (await succeed(api.boards[':boardId'].invites.$get({ param: { boardId } }))).json()).invites
}

export async function revokeInvite(boardId: string, inviteId: string): Promise<void> {
  await succeed(api.boards[':boardId'].invites[':inviteId'].$delete({ param: { boardId, inviteId } }))
}

/** The server's accounts, oldest (the admin) first (the admin only). */
export async function listAccounts(): Promise<AccountResponse[]> {
  return (await (await succeed(api.accounts.$get())).json()).accounts
}

/**
 * Deletes an account (the admin: anyone else's; anyone: their own, with `password`, their
 * current one). Answers the boards that passed to the admin.
 */
export async function deleteAccount(userId: string, password?: string): Promise<DeletedAccountResponse> {
  return (await succeed(api.accounts[':userId'].$delete({ param: { userId }, json: password === undefined ? {} : { password } }))).json()
}

/** Changes the signed-in person's password; their other sessions end, this one stays. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await succeed(api.auth.password.$post({ json: { currentPassword, newPassword } }))
}

/** Makes a one-time password reset link for an account (the admin only); older unused ones stop working. */
export async function createPasswordReset(userId: string): Promise<CreatedPasswordResetResponse> {
  return (await succeed(api.accounts[':userId']['password-reset'].$post({ param: { userId } }))).json()
}

/** Whose password a reset link sets (or why it sets nothing). */
export async function previewPasswordReset(token: string): Promise<PasswordResetPreviewResponse> {
  return (await succeed(api.auth['password-reset'].preview.$post({ json: { token } }))).json()
}

/** Sets the account's new password with a reset link and signs this browser in; every other session of the account ends. */
export async function resetPassword(token: string, newPassword: string): Promise<UserResponse> {
  return (await succeed(api.auth['password-reset'].$post({ json: { token, newPassword } }))).json()
}
