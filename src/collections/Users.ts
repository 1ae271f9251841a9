import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '../access/admins'
import { adminsOrSelf } from '../access/adminsOrSelf'
import { authenticated } from '../access/authenticated'
import { ROLES } from '../access/roles'
import { isProduction } from '../env'
import { makeFirstUserAdmin } from '../hooks/users/makeFirstUserAdmin'
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
  },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    cookies: { sameSite: 'Lax', secure: isProduction() },
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      defaultValue: ['contributor'],
      required: true,
      saveToJWT: true,
      // Nobody raises their own role: only admins set roles, on create and update.
      access: { create: adminsField, update: adminsField },
    },
  ],
  hooks: {
    beforeChange: [makeFirstUserAdmin],
  },
}
