import type { CollectionConfig } from 'payload'

import { admins } from '../access/admins'
import { anyone } from '../access/anyone'
import { nobodyField } from '../access/nobody'
import { staff, staffField } from '../access/staff'
import { staffOrApproved } from '../access/staffOrApproved'
import { checkCommentTarget } from '../hooks/comments/checkCommentTarget'
import { ARTICLES, COMMENTS, USERS } from './slugs'

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const

/** Reader comments; they are held for moderation until an editor approves them. */
export const Comments: CollectionConfig = {
  slug: COMMENTS,
  access: {
    read: staffOrApproved,
    create: anyone,
    update: staff,
    delete: admins,
  },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'article', 'status', 'createdAt'],
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'article', type: 'relationship', relationTo: ARTICLES, required: true, index: true },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: COMMENTS,
      admin: { description: 'The comment this one replies to (on the same article).' },
    },
    { name: 'authorName', type: 'text', required: true, maxLength: 100 },
    {
      name: 'authorEmail',
      type: 'email',
      // Private: only moderators ever read it back.
      access: { read: staffField },
    },
    { name: 'body', type: 'textarea', required: true, maxLength: 5000 },
    {
      name: 'status',
      type: 'select',
      options: COMMENT_STATUSES.map((value) => ({ label: value, value })),
      defaultValue: 'pending',
      index: true,
      // Readers cannot approve their own comment; the default (pending) applies to them.
      access: { create: staffField, update: staffField },
      admin: { position: 'sidebar' },
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
    beforeValidate: [checkCommentTarget],
  },
}
