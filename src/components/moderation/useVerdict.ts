'use client'

import { toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { COMMENT_STATUS_LABELS, type CommentStatus } from '../../services/comments/statuses'
import { moderate } from './moderate'

/**
 * Gives comments a verdict and tells the moderator how it went: a toast naming what was moderated
 * (`what(count)`, e.g. "Jon's comment", "2 comments"), then the page refreshed in place. `busy`
 * while the request is out. Answers whether the server stored it.
 */
export function useVerdict() {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const give = async (
    target: Parameters<typeof moderate>[0],
    verdict: CommentStatus,
    what: (count: number) => string,
  ): Promise<boolean> => {
    setBusy(true)
    const result = await moderate(target, verdict)
    setBusy(false)
    if (!result.ok) {
      toast.error(result.message)
      return false
    }
    toast.success(`${what(result.count)}: ${COMMENT_STATUS_LABELS[verdict].toLowerCase()}.`)
    router.refresh()
    return true
  }
  return { busy, give }
}
