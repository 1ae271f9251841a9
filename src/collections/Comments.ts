import type { CollectionConfig } from 'payload'
import { select } from 'payload/shared'

import { hiddenFromContributors } from '../access/roles'
import { anyone } from '../access/anyone'
import { nobodyField } from '../access/nobody'
import { staff, staffField } from '../access/staff'
import { staffArticleAuthorsOrPublic } from '../access/staffArticleAuthorsOrPublic'
import { hideSpamVerdict } from '../hooks/comments/hideSpamVerdict'
import { keepReaderWords } from '../hooks/comments/keepReaderWords'
import { notifyAuthorsOfApproval } from '../hooks/comments/notifyAuthorsOfApproval'
import { recordModeration } from '../hooks/comments/recordModeration'
import { screenCommentSubmission } from '../hooks/comments/screenCommentSubmission'
import { screenReaderComment } from '../hooks/comments/screenReaderComment'
import { COMMENT_STATUSES, COMMENT_STATUS_LABELS } from '../services/comments/statuses'
import { validateComment } from '../services/comments/validateComment'
import { ARTICLES, COMMENTS, USERS } from './slugs'

const STATUS_REQUIRED = 'A comment always has a status: pending, approved, rejected or spam.'

const MODERATION = '/src/components/moderation'

/** The reader's own words: shown read-only in the admin, and a change is refused (403). */
const readerWords = {
  access: { update: () => false },
  hooks: { beforeValidate: [keepReaderWords] },
}

/**
 * Reader comments; they are held for moderation until an editor approves them. The rules (who may
 * post what, spam, duplicates) live in src/services/comments; the per-IP rate limit in the server.
 */
export const Comments: CollectionConfig = {
  slug: COMMENTS,
  access: {
    read: staffArticleAuthorsOrPublic,
    create: anyone,
    update: staff,
    delete: staff,
  },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'body', 'article', 'received', 'status', 'moderate'],
    listSearchableFields: ['authorName', 'body'],
    hidden: hiddenFromContributors,
    components: { beforeListTable: [`${MODERATION}/BulkModeration#BulkModeration`] },
  },
  // A copy of a reader's comment is never wanted, and would be an unthrottled way to post one.
  disableDuplicate: true,
  defaultSort: '-createdAt',
  fields: [
    { name: 'article', type: 'relationship', relationTo: ARTICLES, required: true, index: true },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: COMMENTS,
      admin: { description: 'The comment this one replies to (on the same article).' },
    },
    { name: 'authorName', type: 'text', required: true, maxLength: 100, ...readerWords },
    {
      name: 'authorEmail',
      type: 'email',
      // Private: only moderators ever read it back.
      access: { read: staffField, update: () => false },
      hooks: readerWords.hooks,
    },
    // Plain text: stored and returned as typed, never rendered as HTML here.
    {
      name: 'body',
      type: 'textarea',
      label: 'Comment',
      required: true,
      maxLength: 5000,
      ...readerWords,
      admin: { components: { Cell: `${MODERATION}/cells#CommentLineCell` } },
    },
    {
      name: 'status',
      type: 'select',
      options: COMMENT_STATUSES.map((value) => ({ label: COMMENT_STATUS_LABELS[value], value })),
      defaultValue: 'pending',
      // A comment is always pending, approved, rejected or spam: a status cannot be cleared. (Not
      // `required`, whose NOT NULL would rebuild the comments table in SQLite.)
      validate: (value: unknown, args: Parameters<typeof select>[1]) =>
        value ? select(value as string, args) : STATUS_REQUIRED,
      index: true,
      // Readers cannot approve their own comment; the default (pending) applies to them.
      access: { create: staffField, update: staffField },
      admin: {
        position: 'sidebar',
        isClearable: false,
        components: { Cell: `${MODERATION}/cells#CommentStatusCell` },
      },
    },
    // List columns only: how long the comment has waited, and the one-click verdicts.
    {
      name: 'received',
      type: 'ui',
      label: 'Received',
      admin: {
        disableListColumn: false,
        components: { Cell: `${MODERATION}/cells#CommentAgeCell` },
      },
    },
    {
      name: 'moderate',
      type: 'ui',
      label: 'Moderate',
      admin: {
        disableListColumn: false,
        components: { Cell: `${MODERATION}/cells#ModerateCell` },
      },
    },
    // Moderation record: set by the server when the status changes, never by a client.
    {
      name: 'moderatedBy',
      type: 'relationship',
      relationTo: USERS,
      access: { read: staffField, create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'moderatedAt',
      type: 'date',
      access: { read: staffField, create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    // A keyed hash of the sender (IP and email) for duplicate and flood checks; never readable.
    {
      name: 'senderHash',
      type: 'text',
      index: true,
      access: { read: nobodyField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
  ],
  hooks: {
    beforeOperation: [screenCommentSubmission],
    beforeValidate: [validateComment],
    beforeChange: [screenReaderComment, recordModeration],
    afterChange: [notifyAuthorsOfApproval],
    afterOperation: [hideSpamVerdict],
  },
}
