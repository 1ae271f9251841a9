import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '../access/admins'
import { adminsOrSelf } from '../access/adminsOrSelf'
import { authenticated } from '../access/authenticated'
import { hiddenFromContributors, ROLES } from '../access/roles'
import { database, isProduction } from '../env'
import { validateRoles } from '../fields/validateRoles'
import { evenOutLoginTiming } from '../hooks/users/evenOutLoginTiming'
import { makeFirstUserAdmin } from '../hooks/users/makeFirstUserAdmin'
import { refuseRoleChanges } from '../hooks/users/refuseRoleChanges'
import { requireCurrentPassword } from '../hooks/users/requireCurrentPassword'
import { USERS } from './slugs'

export const Users: CollectionConfig = {
  slug: USERS,
  access: {
    // Everyone signed in may see names (for bylines and the audit trail); emails are admin-or-self.
    read: authenticated,
    create: admins,
    update: adminsOrSelf,
    delete: admins,
    unlock: admins,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    hidden: hiddenFromContributors,
  },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    // Payload's 15 s pause between reset emails to one account is written outside the request's
    // transaction, which SQLite refuses while that transaction holds the write lock: every
    // forgot-password answered 500. On SQLite the per-IP AUTH_RATE_LIMIT is the only throttle.
    forgotPassword: { minRequestInterval: database().kind === 'sqlite' ? 0 : 15_000 },
    cookies: { sameSite: 'Lax', secure: isProduction() },
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    {
      // Sent with a change of one's own email or password; checked by requireCurrentPassword.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      access: { read: () => false },
      admin: {
        components: { Field: '/src/components/CurrentPasswordField#CurrentPasswordField' },
        // Only one's own account asks for it; an admin creating or editing someone else's does not.
        condition: (data, _siblingData, { operation, user }) =>
          operation === 'update' && user != null && String(user.id) === String(data?.id),
      },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      // No default: a default is added to what an admin picks ("Editor" saved contributor + editor).
      required: true,
      validate: validateRoles,
      saveToJWT: true,
      // Nobody raises their own role: only admins set roles, on create and update.
      access: { create: adminsField, update: adminsField },
    },
  ],
  hooks: {
    beforeOperation: [evenOutLoginTiming, refuseRoleChanges],
    beforeValidate: [requireCurrentPassword],
    beforeChange: [makeFirstUserAdmin],
  },
}
