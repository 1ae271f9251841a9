import type { Block } from 'payload'

import { SOURCES } from '../collections/slugs'
import { validateUrl } from '../fields/validateUrl'

export const QUOTE_BLOCK = 'quote'

/** A quotation in an article's body; every quote cites whom it quotes. */
export const Quote: Block = {
  slug: QUOTE_BLOCK,
  interfaceName: 'QuoteBlock',
  labels: { singular: 'Quote', plural: 'Quotes' },
  fields: [
    { name: 'text', type: 'textarea', required: true, maxLength: 5000 },
    { name: 'source', type: 'relationship', relationTo: SOURCES, required: true },
    {
      name: 'url',
      type: 'text',
      validate: validateUrl,
      admin: { description: 'Link to the quoted piece, if it is online.' },
    },
  ],
}
