import type { BoardResponse, DeletedBoardResponse } from '@storyloom/shared/api/boards'
import { api, succeed } from './apiClient'

export type Board = BoardResponse

/** Every board, most recently updated first. */
export async function listBoards(signal?: AbortSignal): Promise<Board[]> {
  const response = await succeed(api.boards.$get({}, { init: { signal } }))
  return (await response.json()).boards
}

export async function getBoard(boardId: string, signal?: AbortSignal): Promise<Board> {
  const response = await succeed(api.boards[':boardId'].$get({ param: { boardId } }, { init: { signal } }))
  return response.json()
}

export async function createBoard(name: string): Promise<Board> {
  const response = await succeed(api.boards.$post({ json: { name } }))
  return response.json()
}

export async function renameBoard(boardId: string, name: string): Promise<Board> {
  const response = await succeed(api.boards[':boardId'].$patch({ param: { boardId }, json: { name } }))
  return response.json()
}

/** Moves the board to "Recently deleted" (restorable there until the server purges it). */
export async function deleteBoard(boardId: string): Promise<void> {
  await succeed(api.boards[':boardId'].$delete({ param: { boardId } }))
}

/** A copy of the board (canvas and takes) owned by the caller, named "<name> (copy)" by the server. */
export async function duplicateBoard(boardId: string): Promise<Board> {
  const response = await succeed(api.boards[':boardId'].duplicate.$post({ param: { boardId }, json: {} }))
  return response.json()
}

export type DeletedBoard = DeletedBoardResponse

/** The boards in "Recently deleted" the caller may restore, most recently deleted first. */
export async function listDeletedBoards(signal?: AbortSignal): Promise<DeletedBoard[]> {
  const response = await succeed(api.trash.$get({}, { init: { signal } }))
  return (await response.json()).boards
}

/** Takes a board out of "Recently deleted", as it was. */
export async function restoreBoard(boardId: string): Promise<Board> {
  const response = await succeed(api.trash[':boardId'].restore.$post({ param: { boardId } }))
  return response.json()
}

/** Deletes a board in "Recently deleted" for good, with its files. */
export async function deleteBoardForever(boardId: string): Promise<void> {
  await succeed(api.trash[':boardId'].$delete({ param: { boardId } }))
}
