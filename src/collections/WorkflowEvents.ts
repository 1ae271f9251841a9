import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'
import { hiddenFromContributors } from '../access/roles'
import { staffOrArticleAuthors } from '../access/staffOrArticleAuthors'
import { internalAdmin } from '../fields/internal'
import { ACTIONS, REVIEW_STATES, SYSTEM_EVENTS, eventLabel, stateLabel } from '../workflow'
import { ARTICLES, USERS, WORKFLOW_EVENTS } from './slugs'

const stateOptions = REVIEW_STATES.map((value) => ({ label: stateLabel(value), value }))

/**
 * The append-only audit trail of the review workflow. Written only by the server (with
 * overrideAccess); no API lets anyone, admins included, create, change or delete an event.
 */
export const WorkflowEvents: CollectionConfig = {
  slug: WORKFLOW_EVENTS,
  access: {
    read: staffOrArticleAuthors,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['articleTitle', 'action', 'from', 'to', 'actorName', 'note', 'createdAt'],
    // The list's search box finds events by the article's title and by who acted.
    listSearchableFields: ['articleTitle', 'actorName'],
    group: 'Workflow',
    hidden: hiddenFromContributors,
  },
  defaultSort: '-createdAt',
  indexes: [{ fields: ['article', 'seq'], unique: true }],
  fields: [
    // Not required: the history outlives an article that an admin deletes (the link becomes empty).
    { name: 'article', type: 'relationship', relationTo: ARTICLES, index: true },
    {
      name: 'articleTitle',
      type: 'text',
      label: 'Article title',
      admin: { description: 'The title when the event happened.' },
    },
    {
      name: 'seq',
      type: 'number',
      required: true,
      // Position in the article history; unique per article, so racing transitions cannot both land.
      admin: internalAdmin,
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: [...ACTIONS, ...SYSTEM_EVENTS].map((value) => ({ label: eventLabel(value), value })),
    },
    { name: 'from', type: 'select', options: stateOptions, required: true },
    { name: 'to', type: 'select', options: stateOptions, required: true },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: USERS,
      label: 'Actor account',
      admin: { description: 'Empty for the scheduler.' },
    },
    {
      name: 'actorName',
      type: 'text',
      label: 'Actor',
      admin: {
        description: 'Who acted, by name when it happened ("Scheduler" for the scheduler).',
      },
    },
    { name: 'note', type: 'textarea' },
    // A hash of the content when the event happened: which version an action saw.
    { name: 'contentHash', type: 'text', admin: internalAdmin },
  ],
}
