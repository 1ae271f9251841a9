import type { Access, FieldAccess } from 'payload'

import { isStaff } from './roles'

/** Editors, publishers and admins. */
export const staff: Access = ({ req }) => isStaff(req.user)
export const staffField: FieldAccess = ({ req }) => isStaff(req.user)
