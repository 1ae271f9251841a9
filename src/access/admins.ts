import type { Access, FieldAccess } from 'payload'

import { isAdmin } from './roles'

export const admins: Access = ({ req }) => isAdmin(req.user)
export const adminsField: FieldAccess = ({ req }) => isAdmin(req.user)
