import type { Access } from 'payload'

import { isStaff } from './roles'

/** The public and contributors see only the published version. */
export const staffOrPublished: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  return { _status: { equals: 'published' } }
}
