import { useState } from 'react'

const PREFIX = 'storyloom.commentDraft:'

function read(key: string | undefined): string {
  if (key === undefined) return ''
  try {
    return sessionStorage.getItem(PREFIX + key) ?? ''
  } catch {
    return '' // storage blocked: drafts live as long as the box does
  }
}

function write(key: string | undefined, body: string): void {
  if (key === undefined) return
  try {
    if (body === '') sessionStorage.removeItem(PREFIX + key)
    else sessionStorage.setItem(PREFIX + key, body)
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
