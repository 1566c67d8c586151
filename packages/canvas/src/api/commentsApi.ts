import type { CommentAnchor, ThreadResponse } from '@storyloom/shared/api/comments'
import { api, succeed } from './apiClient'

const comments = api.boards[':boardId'].comments

export async function listThreads(boardId: string): Promise<ThreadResponse[]> {
  return (await (await succeed(comments.$get({ param: { boardId } }))).json()).threads
}

export async function startThread(boardId: string, anchor: CommentAnchor, body: string, mentions: string[]): Promise<ThreadResponse[]> {
  return (await (await succeed(comments.$post({ param: { boardId }, json: { anchor, body, mentions } }))).json()).threads
}

export async function replyToThread(boardId: string, threadId: string, body: string, mentions: string[]): Promise<ThreadResponse[]> {
  return (await (await succeed(comments[':threadId'].replies.$post({ param: { boardId, threadId }, json: { body, mentions } }))).json()).threads
}

export async function setThreadResolved(boardId: string, threadId: string, resolved: boolean): Promise<ThreadResponse[]> {
  return (await (await succeed(comments[':threadId'].$patch({ param: { boardId, threadId }, json: { resolved } }))).json()).threads
}
