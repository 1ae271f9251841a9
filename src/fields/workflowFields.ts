import type { Field, FieldAccess } from 'payload'

import { USERS } from '../collections/slugs'
import { REVIEW_STATES, stateLabel } from '../workflow'
import { internalAdmin } from './internal'

/** Workflow internals are for signed-in users only; the public never sees them. */
const signedIn: FieldAccess = ({ req }) => Boolean(req.user)

const readOnly = { position: 'sidebar' as const, readOnly: true }

/** The workflow panel at the top of the sidebar: state, the current user's actions, history. */
export const workflowPanel: Field = {
  name: 'workflowPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    // A ui field is offered as a list column unless told otherwise; the panel is no column.
    disableListColumn: true,
    components: { Field: '/src/components/WorkflowPanel#WorkflowPanel' },
  },
}

/** Set only by the review workflow (see src/services/workflow); direct changes are refused. */
export const workflowFields: Field[] = [
  {
    name: 'reviewState',
    label: 'Review state',
    type: 'select',
    options: REVIEW_STATES.map((value) => ({ label: stateLabel(value), value })),
    defaultValue: 'draft',
    index: true,
    access: { read: signedIn },
    admin: { ...readOnly, components: { Cell: '/src/components/ReviewStateCell#ReviewStateCell' } },
  },
  {
    name: 'submittedBy',
    label: 'Submitted by',
    type: 'relationship',
    relationTo: USERS,
    access: { read: signedIn },
    admin: readOnly,
  },
  {
    name: 'submittedAt',
    label: 'Submitted at',
    type: 'date',
    access: { read: signedIn },
    admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'editedSinceSubmit',
    label: 'Edited during review by',
    type: 'relationship',
    relationTo: USERS,
    hasMany: true,
    access: { read: signedIn },
    admin: { ...readOnly, description: 'Changed the content while in review; may not approve it.' },
  },
  {
    name: 'approvedBy',
    label: 'Approved by',
    type: 'relationship',
    relationTo: USERS,
    access: { read: signedIn },
    admin: readOnly,
  },
  {
    name: 'approvedAt',
    label: 'Approved at',
    type: 'date',
    access: { read: signedIn },
    admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
  },
  // The content the approval was given for; a later change makes the approval stale.
  { name: 'approvedHash', type: 'text', access: { read: signedIn }, admin: internalAdmin },
  {
    name: 'publishAt',
    label: 'Scheduled for',
    type: 'date',
    access: { read: signedIn },
    admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
  },
  { name: 'scheduleJob', type: 'text', access: { read: signedIn }, admin: internalAdmin },
  {
    name: 'scheduleError',
    label: 'Scheduled publication failed',
    type: 'text',
    access: { read: signedIn },
    admin: { ...readOnly, condition: (data) => Boolean(data?.scheduleError) },
  },
  // Preview links carry this; rotating it (on publish) revokes every link issued before.
  { name: 'previewNonce', type: 'text', access: { read: () => false }, admin: internalAdmin },
]

export const WORKFLOW_FIELD_NAMES = workflowFields
  .map((field) => ('name' in field ? field.name : ''))
  .filter(Boolean)
