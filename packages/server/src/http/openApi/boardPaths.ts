import { z } from 'zod'
import { changeRoleRequestSchema, boardAccessResponseSchema, createdInviteResponseSchema, createInviteRequestSchema, inviteListResponseSchema, memberListResponseSchema } from '@storyloom/shared/api/accounts'
import { assetCopyRequestSchema, assetCopyResponseSchema } from '@storyloom/shared/api/assetCopies'
import { ASSET_FILE_NAME_HEADER, assetIdSchema, assetResponseSchema, ASSET_PURPOSE_HEADER } from '@storyloom/shared/api/assets'
import { boardIdSchema, boardListResponseSchema, boardResponseSchema, createBoardRequestSchema, deletedBoardListResponseSchema, duplicateBoardRequestSchema, renameBoardRequestSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode as E } from '@storyloom/shared/api/errors'
import { boardSnapshotListResponseSchema, boardSnapshotSchema, createBoardSnapshotRequestSchema, restoreBoardSnapshotRequestSchema, restoreBoardSnapshotResponseSchema, snapshotIdSchema } from '@storyloom/shared/api/history'
import { createUploadVersionRequestSchema, reinstateVersionRequestSchema, versionChangeQuerySchema, versionListQuerySchema, versionListResponseSchema } from '@storyloom/shared/api/versions'
import { shotIdSchema } from '@storyloom/shared/generation/api'
import { shotVersionSchema, versionIdSchema, versionPatchSchema } from '@storyloom/shared/versions/shotVersion'
import { BOARD_ACCESS_ERRORS, errors, JSON_BODY_ERRORS, json, ok, pathParam, queryParams, type PathItems } from './common'

const boardId = pathParam('boardId', boardIdSchema)
const userId = pathParam('userId', z.string().regex(/^[A-Za-z0-9_-]{16}$/))
const inviteId = pathParam('inviteId', z.string().regex(/^[A-Za-z0-9_-]{16}$/))
const assetId = pathParam('assetId', assetIdSchema)
const versionId = pathParam('versionId', versionIdSchema)
const shotId = pathParam('shotId', shotIdSchema)
const snapshotId = pathParam('snapshotId', snapshotIdSchema)
const ifRevision = { ...queryParams(versionChangeQuerySchema)[0], description: 'Make the change only while the version’s `revision` is still this (else 409 `version_changed`); an undo sends the revision its action left' }
const body = (schema: z.ZodType) => ({ required: true, content: json(schema, 'input') })
const READ = BOARD_ACCESS_ERRORS
const WRITE = [...BOARD_ACCESS_ERRORS, E.crossOrigin] as const
const WRITE_JSON = [...WRITE, ...JSON_BODY_ERRORS] as const
const VERSION_ERRORS = [E.versionNotFound, E.versionParentInvalid, E.versionCycle] as const

/** Boards, their members and invites, assets, shot versions and history (docs/http-api.md, versions-api.md). */
export const boardPaths: PathItems = {
  '/api/boards': {
    get: { summary: 'The boards the caller sees, most recently changed first', responses: { 200: ok('The boards', boardListResponseSchema), ...errors(E.notSignedIn) } },
    post: { summary: 'Create a board (its creator owns it)', requestBody: body(createBoardRequestSchema), responses: { 201: ok('Created', boardResponseSchema), ...errors(E.notSignedIn, ...JSON_BODY_ERRORS, E.rateLimited) } },
  },
  '/api/boards/{boardId}': {
    get: { summary: 'One board, with the caller’s role', parameters: [boardId], responses: { 200: ok('The board', boardResponseSchema), ...errors(...READ) } },
    patch: { summary: 'Rename a board', parameters: [boardId], requestBody: body(renameBoardRequestSchema), responses: { 200: ok('Renamed', boardResponseSchema), ...errors(...WRITE_JSON) } },
    delete: { summary: 'Delete a board: it moves to "Recently deleted" (/api/trash), everything kept, and is not found anywhere else until restored (owners)', parameters: [boardId], responses: { 204: { description: 'Moved to the trash' }, ...errors(...WRITE) } },
  },
  '/api/trash': {
    get: { summary: 'The caller’s deleted boards (owners; the admin and local mode: all), most recently deleted first, with when each is deleted forever', responses: { 200: ok('The deleted boards', deletedBoardListResponseSchema), ...errors(E.notSignedIn) } },
  },
  '/api/trash/{boardId}/restore': {
    post: { summary: 'Restore a deleted board with its members, review links, takes and files (owners)', parameters: [boardId], responses: { 200: ok('The restored board', boardResponseSchema), ...errors(...WRITE) } },
  },
  '/api/trash/{boardId}': {
    delete: { summary: 'Delete a board in the trash forever, with its history and files (owners)', parameters: [boardId], responses: { 204: { description: 'Deleted forever' }, ...errors(...WRITE) } },
  },
  '/api/boards/{boardId}/duplicate': {
    post: {
      summary: 'Copy the board as it is now, with every shot’s takes, as a new board the caller owns (anyone who may open it; not members, review links, comments, history or generations)',
      parameters: [boardId],
      requestBody: { required: false, content: json(duplicateBoardRequestSchema, 'input') },
      responses: { 201: ok('The copy', boardResponseSchema), ...errors(...WRITE_JSON, E.boardUnreadable, E.rateLimited) },
    },
  },
  '/api/boards/{boardId}/access': {
    get: { summary: 'The caller’s role on the board', parameters: [boardId], responses: { 200: ok('The role', boardAccessResponseSchema), ...errors(...READ) } },
  },
  '/api/boards/{boardId}/members': {
    get: { summary: 'The board’s members (every member sees them, for @mentions)', parameters: [boardId], responses: { 200: ok('The members', memberListResponseSchema), ...errors(...READ) } },
  },
  '/api/boards/{boardId}/members/{userId}': {
    patch: { summary: 'Change a member’s role (owners)', parameters: [boardId, userId], requestBody: body(changeRoleRequestSchema), responses: { 200: ok('The members', memberListResponseSchema), ...errors(...WRITE_JSON, E.memberNotFound, E.lastOwner) } },
    delete: { summary: 'Remove a member (owners; or leave)', parameters: [boardId, userId], responses: { 204: { description: 'Removed' }, ...errors(...WRITE, E.memberNotFound, E.lastOwner) } },
  },
  '/api/boards/{boardId}/invites': {
    get: { summary: 'The board’s open invite links: not used, not expired (owners)', parameters: [boardId], responses: { 200: ok('The invites', inviteListResponseSchema), ...errors(...READ) } },
    post: { summary: 'Create an invite link (owners; accounts only)', parameters: [boardId], requestBody: body(createInviteRequestSchema), responses: { 201: ok('Created, with its token (shown once)', createdInviteResponseSchema), ...errors(...WRITE_JSON, E.accountsDisabled) } },
  },
  '/api/boards/{boardId}/invites/{inviteId}': {
    delete: { summary: 'Revoke an open invite link (owners; a used one is not open)', parameters: [boardId, inviteId], responses: { 204: { description: 'Revoked' }, ...errors(...WRITE, E.inviteNotFound) } },
  },
  '/api/boards/{boardId}/assets': {
    post: {
      summary: 'Upload a file (the raw request body, not multipart): an image, a clip or the soundtrack\'s audio; content-addressed',
      parameters: [
        boardId,
        { name: ASSET_PURPOSE_HEADER, in: 'header', required: false, schema: { type: 'string', enum: ['take'] }, description: '`take`: a take’s file — refused (415) unless a picture or clip whose header (a clip’s MP4 or WebM container) the server reads; 422 `invalid_size` over 16384 px on a side. Nothing is stored when refused' },
        { name: ASSET_FILE_NAME_HEADER, in: 'header', required: false, description: 'The original file name, percent-encoded', schema: { type: 'string' } },
      ],
      requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: { 201: ok('Stored', assetResponseSchema), ...errors(...WRITE, E.payloadTooLarge, E.unsupportedMediaType, E.invalidSize) },
    },
  },
  '/api/boards/{boardId}/assets/copy': {
    post: {
      summary: 'Copy files of other boards the caller may open into this board (editors), as a paste from another board needs; per URL, its URL here or why not',
      parameters: [boardId],
      requestBody: body(assetCopyRequestSchema),
      responses: { 200: ok('What was copied, and what was refused', assetCopyResponseSchema), ...errors(...WRITE_JSON) },
    },
  },
  '/api/boards/{boardId}/assets/{assetId}': {
    get: {
      summary: 'A file the board uploaded (conditional and range requests answered)',
      parameters: [boardId, assetId],
      responses: { 200: { description: 'The bytes' }, 206: { description: 'The requested byte range' }, 304: { description: 'Not modified' }, 416: { description: 'Range not satisfiable' }, ...errors(...READ, E.assetNotFound, E.takeUnreadable) },
    },
  },
  '/api/boards/{boardId}/shots/{shotId}/versions': {
    get: {
      summary: 'A shot’s versions (its version tree)',
      parameters: [boardId, shotId, ...queryParams(versionListQuerySchema)],
      responses: { 200: ok('The versions', versionListResponseSchema), ...errors(...READ) },
    },
    post: { summary: 'Record an uploaded image as a version of the shot (never an audio file); a still’s or clip’s size is read from its header (415 if unreadable, 422 `invalid_size` over 16384 px on a side), never taken from the body', parameters: [boardId, shotId], requestBody: body(createUploadVersionRequestSchema), responses: { 201: ok('Recorded', shotVersionSchema), ...errors(...WRITE_JSON, ...VERSION_ERRORS, E.assetNotFound, E.unsupportedMediaType, E.invalidSize) } },
  },
  '/api/boards/{boardId}/versions/{versionId}': {
    get: { summary: 'One version', parameters: [boardId, versionId], responses: { 200: ok('The version', shotVersionSchema), ...errors(...READ, E.versionNotFound) } },
    patch: { summary: 'Change a version’s label, approval or parent', parameters: [boardId, versionId], requestBody: body(versionPatchSchema), responses: { 200: ok('Changed', shotVersionSchema), ...errors(...WRITE_JSON, ...VERSION_ERRORS) } },
    delete: { summary: 'Delete a version (soft: it can be restored)', parameters: [boardId, versionId, ifRevision], responses: { 200: ok('Deleted', shotVersionSchema), ...errors(...WRITE, E.versionNotFound, E.versionChanged) } },
  },
  '/api/boards/{boardId}/versions/{versionId}/restore': {
    post: { summary: 'Undelete a version', parameters: [boardId, versionId, ifRevision], responses: { 200: ok('Restored', shotVersionSchema), ...errors(...WRITE, E.versionNotFound, E.versionChanged) } },
  },
  '/api/boards/{boardId}/versions/{versionId}/reinstate': {
    post: { summary: 'Make an earlier version current again, as a new version', parameters: [boardId, versionId], requestBody: body(reinstateVersionRequestSchema), responses: { 201: ok('The new version', shotVersionSchema), ...errors(...WRITE_JSON, ...VERSION_ERRORS) } },
  },
  '/api/boards/{boardId}/history': {
    get: { summary: 'The board’s snapshots, newest first', parameters: [boardId], responses: { 200: ok('The snapshots', boardSnapshotListResponseSchema), ...errors(...READ) } },
    post: { summary: 'Take a named snapshot of the whole board', parameters: [boardId], requestBody: body(createBoardSnapshotRequestSchema), responses: { 201: ok('Taken', boardSnapshotSchema), ...errors(...WRITE_JSON) } },
  },
  '/api/boards/{boardId}/history/{snapshotId}/state': {
    get: {
      summary: 'A snapshot’s Yjs state, to open read-only',
      parameters: [boardId, snapshotId],
      responses: { 200: { description: 'The Yjs update', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, ...errors(...READ, E.snapshotNotFound) },
    },
  },
  '/api/boards/{boardId}/history/{snapshotId}/restore': {
    post: {
      summary: 'Restore the board to a snapshot (what it replaces is kept as a snapshot first)',
      parameters: [boardId, snapshotId],
      requestBody: body(restoreBoardSnapshotRequestSchema),
      responses: { 200: ok('Restored, and the backup taken', restoreBoardSnapshotResponseSchema), ...errors(...WRITE_JSON, E.snapshotNotFound, E.snapshotUnrestorable) },
    },
  },
}
