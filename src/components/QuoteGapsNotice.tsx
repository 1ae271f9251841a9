'use client'

import { Banner, useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import React from 'react'

import { quoteGaps, quoteGapsNotice } from '../workflow/guards'

const sibling = (path: string, name: string) => [...path.split('.').slice(0, -1), name].join('.')

/**
 * Inside a Quote block: what it still lacks before the article can be submitted (the server's
 * submission guard refuses it until then), as an error banner in the admin's theme.
 */
export const QuoteGapsNotice: UIFieldClientComponent = ({ path }) => {
  const text = useFormFields(([fields]) => fields[sibling(path, 'text')]?.value)
  const source = useFormFields(([fields]) => fields[sibling(path, 'source')]?.value)
  const notice = quoteGapsNotice(quoteGaps({ text, source }))
  if (!notice) return null
  return (
    <div className="quote-gaps-notice" data-quote-gaps role="status">
      <Banner type="error">{notice}</Banner>
    </div>
  )
}
