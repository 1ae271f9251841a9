import type { Block } from 'payload'

import { SOURCES } from '../collections/slugs'
import { validateUrl } from '../fields/validateUrl'

export const QUOTE_BLOCK = 'quote'

/**
 * A quotation in an article's body; every quote cites whom it quotes. A draft may hold a quote
 * still being written, so text and source are not required to save: submitting, approving and
 * publishing refuse a quote without them (submitProblems), and the block says so while it lacks
 * them.
 */
export const Quote: Block = {
  slug: QUOTE_BLOCK,
  interfaceName: 'QuoteBlock',
  labels: { singular: 'Quote', plural: 'Quotes' },
  fields: [
    {
      name: 'submissionNotice',
      type: 'ui',
      admin: { components: { Field: '/src/components/QuoteGapsNotice#QuoteGapsNotice' } },
    },
    { name: 'text', type: 'textarea', maxLength: 5000 },
    { name: 'source', type: 'relationship', relationTo: SOURCES },
    {
      name: 'url',
      type: 'text',
      validate: validateUrl,
      admin: { description: 'Link to the quoted piece, if it is online.' },
    },
  ],
}
