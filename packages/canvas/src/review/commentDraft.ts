import { useState } from 'react'
import { commentMarkupSchema, type CommentMarkup } from '@storyloom/shared/review/commentMarkup'

const PREFIX = 'storyloom.commentDraft:'
const MARKUP_PREFIX = 'storyloom.commentDraftMarkup:'

function read(key: string | undefined, prefix = PREFIX): string {
  if (key === undefined) return ''
  try {
    return sessionStorage.getItem(prefix + key) ?? ''
  } catch {
    return '' // storage blocked: drafts live as long as the box does
  }
}

function write(key: string | undefined, value: string, prefix = PREFIX): void {
  if (key === undefined) return
  try {
    if (value === '') sessionStorage.removeItem(prefix + key)
    else sessionStorage.setItem(prefix + key, value)
  } catch {
    // not kept across a reload; still in the box
  }
}

/**
 * The text of a comment being written in the box for `key` (e.g. one shot of one review link):
 * kept in this tab's session storage, so a reload does not lose it and each place has its own.
 * Without a key, it lives as long as the box. The key is read once: give the box a React `key`
 * that changes with it, so a draft never moves to another place.
 */
export function useCommentDraft(key: string | undefined): [string, (body: string) => void] {
  const [body, setBody] = useState(() => read(key))
  const update = (next: string) => {
    setBody(next)
    write(key, next)
  }
  return [body, update]
}

/** A kept drawing, if what storage holds still is one the server takes (anything else is no draft). */
function readMarkup(key: string | undefined): CommentMarkup | undefined {
  const kept = read(key, MARKUP_PREFIX)
  if (kept === '') return undefined
  try {
    const parsed = commentMarkupSchema.safeParse(JSON.parse(kept))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** The drawing of the comment being written in the box for `key`: kept beside its text, as `useCommentDraft` keeps that. */
export function useMarkupDraft(key: string | undefined): [CommentMarkup | undefined, (markup: CommentMarkup | undefined) => void] {
  const [markup, setMarkup] = useState(() => readMarkup(key))
  const update = (next: CommentMarkup | undefined) => {
    setMarkup(next)
    write(key, next ? JSON.stringify(next) : '', MARKUP_PREFIX)
  }
  return [markup, update]
}
