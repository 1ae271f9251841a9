import type { CollectionConfig } from 'payload'

import { admins } from '../access/admins'
import { anyone } from '../access/anyone'
import { authenticated } from '../access/authenticated'
import { staff } from '../access/staff'
import { slugField } from '../fields/slug'
import { validateUrl } from '../fields/validateUrl'
import { SOURCES } from './slugs'

export const SOURCE_KINDS = [
  { label: 'News agency', value: 'news_agency' },
  { label: 'Newspaper', value: 'newspaper' },
  { label: 'Magazine', value: 'magazine' },
  { label: 'Broadcaster', value: 'broadcaster' },
  { label: 'Government body', value: 'government' },
  { label: 'International organisation', value: 'international_org' },
  { label: 'NGO', value: 'ngo' },
  { label: 'Academic', value: 'academic' },
  { label: 'Company', value: 'company' },
  { label: 'Person', value: 'person' },
  { label: 'Other', value: 'other' },
]

/** Whom articles quote and cite. */
export const Sources: CollectionConfig = {
  slug: SOURCES,
  access: {
    read: anyone,
    // Contributors cite new sources while writing (from the Quote block's drawer).
    create: authenticated,
    update: staff,
    delete: admins,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'url'],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 200 },
    slugField('name'),
    { name: 'kind', type: 'select', required: true, options: SOURCE_KINDS, defaultValue: 'other' },
    { name: 'url', type: 'text', validate: validateUrl },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
  ],
}
