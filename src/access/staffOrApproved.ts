import type { Access } from 'payload'

import { isStaff } from './roles'

/** Readers see approved comments only; moderators see every status. */
export const staffOrApproved: Access = ({ req }) => {
  if (isStaff(req.user)) return true
  return { status: { equals: 'approved' } }
}
