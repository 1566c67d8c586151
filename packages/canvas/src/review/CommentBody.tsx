import { Fragment } from 'react'

/** A comment's text with its @mentions highlighted. */
export function CommentBody({ body, mentions }: { body: string; mentions: readonly string[] }) {
  if (mentions.length === 0) return <p className="comment__body">{body}</p>
  const names = [...mentions].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const parts = body.split(new RegExp(`(@(?:${names.join('|')}))`, 'gi'))
  return (
    <p className="comment__body">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="comment__mention">
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </p>
  )
}
