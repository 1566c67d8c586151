import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import type { CommentAnchor, CommentThreadResponse } from '@storyloom/shared/review/comments'
import type { CreateShareLinkRequest, ReviewLinkInfo, ShareLinkResponse } from '@storyloom/shared/review/shareLinks'
import type { BoardVerdictsResponse, OwnVerdictsResponse, ShotVerdict } from '@storyloom/shared/review/verdicts'
import { hc } from 'hono/client'
import type { ReviewApiType } from '@storyloom/server/http/createApp'
import { succeed } from '../api/apiClient'

/** Client review has a typed client of its own (see ReviewApiType). */
const api = hc<ReviewApiType>('/').api

/** The HTTP calls of client review (docs/review-api.md): share links, comments, verdicts. */

export async function listShareLinks(boardId: string): Promise<ShareLinkResponse[]> {
  const res = await succeed(api.boards[':boardId']['share-links'].$get({ param: { boardId } }))
  return (await res.json()).links
}

export async function createShareLink(boardId: string, request: CreateShareLinkRequest): Promise<ShareLinkResponse> {
  const res = await succeed(api.boards[':boardId']['share-links'].$post({ param: { boardId }, json: request }))
  return res.json()
}

/** Turns a link off, naming who did (the server uses a signed-in member's account name instead). */
export async function revokeShareLink(boardId: string, linkId: string, authorName: string | undefined): Promise<void> {
  await succeed(api.boards[':boardId']['share-links'][':linkId'].$delete({ param: { boardId, linkId }, json: authorName ? { authorName } : {} }))
}

/** Where comments are read and written: as the team, or through a review link. */
export type CommentsSource = { kind: 'team'; boardId: string } | { kind: 'review'; token: string }

export async function listThreads(source: CommentsSource, signal?: AbortSignal): Promise<CommentThreadResponse[]> {
  const init = { init: { ...(signal ? { signal } : {}) } }
  const res =
    source.kind === 'team'
      ? await succeed(api.boards[':boardId'].comments.$get({ param: { boardId: source.boardId } }, init))
      : await succeed(api.review[':token'].comments.$get({ param: { token: source.token } }, init))
  return (await res.json()).threads
}

/** A comment as sent: its text, mentions, drawing on the shot (if any) and who wrote it. */
export type Authored = { body: string; mentions: string[]; markup?: CommentMarkup; authorName: string; authorId?: string }

export async function createThread(source: CommentsSource, anchor: CommentAnchor, comment: Authored): Promise<CommentThreadResponse> {
  const json = { anchor, ...comment }
  const res =
    source.kind === 'team'
      ? await succeed(api.boards[':boardId'].comments.$post({ param: { boardId: source.boardId }, json }))
      : await succeed(api.review[':token'].comments.$post({ param: { token: source.token }, json }))
  return res.json()
}

export async function replyToThread(source: CommentsSource, threadId: string, comment: Authored): Promise<CommentThreadResponse> {
  const res =
    source.kind === 'team'
      ? await succeed(api.boards[':boardId'].comments[':threadId'].replies.$post({ param: { boardId: source.boardId, threadId }, json: comment }))
      : await succeed(api.review[':token'].comments[':threadId'].replies.$post({ param: { token: source.token, threadId }, json: comment }))
  return res.json()
}

export async function setThreadResolved(boardId: string, threadId: string, resolved: boolean, authorName: string): Promise<CommentThreadResponse> {
  const res = await succeed(api.boards[':boardId'].comments[':threadId'].$patch({ param: { boardId, threadId }, json: { resolved, authorName } }))
  return res.json()
}

export async function mentionableNames(boardId: string): Promise<string[]> {
  const res = await succeed(api.boards[':boardId'].mentionable.$get({ param: { boardId } }))
  return (await res.json()).names
}

export async function reviewLinkInfo(token: string): Promise<ReviewLinkInfo> {
  const res = await succeed(api.review[':token'].$get({ param: { token } }))
  return res.json()
}

export async function unlockReviewLink(token: string, passcode: string): Promise<ReviewLinkInfo> {
  const res = await succeed(api.review[':token'].unlock.$post({ param: { token }, json: { passcode } }))
  return res.json()
}

/** Gives a shot this reviewer's verdict, or with `null` takes back theirs. */
export async function giveVerdict(token: string, shotId: string, verdict: ShotVerdict | null, reviewerName: string): Promise<void> {
  await succeed(api.review[':token'].verdicts.$post({ param: { token }, json: { shotId, verdict, reviewerName } }))
}

/** The board's verdicts that are this reviewer's to take back: their browser's or account's, whatever name they typed. */
export async function ownVerdicts(token: string, signal?: AbortSignal): Promise<OwnVerdictsResponse['verdicts']> {
  const res = await succeed(api.review[':token'].verdicts.mine.$get({ param: { token } }, { init: { ...(signal ? { signal } : {}) } }))
  return (await res.json()).verdicts
}

/** Each shot's current client verdict (who, when, through which link) and the board's links' labels: for the team. */
export async function boardVerdicts(boardId: string, signal?: AbortSignal): Promise<BoardVerdictsResponse> {
  const res = await succeed(api.boards[':boardId'].verdicts.$get({ param: { boardId } }, { init: { ...(signal ? { signal } : {}) } }))
  return res.json()
}
