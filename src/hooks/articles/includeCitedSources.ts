import type { CollectionBeforeChangeHook } from 'payload'

import { QUOTE_BLOCK } from '../../blocks/Quote'
import { idOf } from '../../lib/ids'
import { blocksOf } from '../../lib/lexical'
import type { Article } from '../../payload-types'

/** `sources` always lists every source a Quote block cites, plus any added by hand. */
export const includeCitedSources: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (!data?.body) return data
  const listed = (data.sources ?? []).map(idOf)
  const cited = blocksOf(data.body, QUOTE_BLOCK).map((quote) => idOf(quote.source))
  const all = [...new Set([...listed, ...cited].filter((id) => id !== undefined && id !== ''))]
  return { ...data, sources: all }
}
