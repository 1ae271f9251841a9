import { LexicalDiffComponent } from '@payloadcms/richtext-lexical/rsc'
import type { RichTextFieldDiffServerComponent } from 'payload'
import React from 'react'

import { SOURCES } from '../collections/slugs'
import type { LexicalDocument } from '../lib/lexical'
import { quotedSourceIds, quotesAsBlockquotes } from '../lib/quoteDiff'

/**
 * The body in the version comparison: Lexical's own diff, with each Quote block shown as its text
 * and the name of its source (Lexical draws an unknown block as just "quote Block", so a changed
 * quote or source would not show).
 */
export const ArticleBodyDiff: RichTextFieldDiffServerComponent = async (props) => {
  const from = props.comparisonValue as LexicalDocument
  const to = props.versionValue as LexicalDocument
  const ids = [...new Set([...quotedSourceIds(from), ...quotedSourceIds(to)])]
  const { docs } = ids.length
    ? await props.req.payload.find({
        collection: SOURCES,
        where: { id: { in: ids } },
        depth: 0,
        limit: ids.length,
        pagination: false,
        select: { name: true },
        overrideAccess: false,
        req: props.req,
      })
    : { docs: [] }
  const names = new Map(docs.map((source) => [String(source.id), source.name]))
  const name = (id: number | string) => names.get(String(id))
  return (
    <LexicalDiffComponent
      {...props}
      comparisonValue={quotesAsBlockquotes(from, name)}
      versionValue={quotesAsBlockquotes(to, name)}
    />
  )
}
