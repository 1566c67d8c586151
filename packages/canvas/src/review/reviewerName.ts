import { useState } from 'react'

const KEY = 'storyloom.reviewerName'

/** The name a reviewer typed, remembered on this device for their next visit. */
export function useReviewerName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => {
    try {
      return localStorage.getItem(KEY) ?? ''
    } catch {
      return '' // storage blocked: the reviewer types it each visit
    }
  })
  const update = (next: string) => {
    setName(next)
    try {
      localStorage.setItem(KEY, next)
    } catch {
      // not remembered; still used for this visit
    }
  }
  return [name, update]
}
