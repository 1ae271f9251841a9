import type { CollectionBeforeOperationHook } from 'payload'

import { isAdmin } from '../../access/roles'
import { refuse } from '../../lib/refuse'

/**
 * Only admins change roles. Field access already drops `roles` from anyone else's save, silently;
 * this turns the attempt into a 403 that says so, on every API. Sending your roles unchanged (the
 * admin form does) is not a change. Non-admins can only update their own account, so the roles
 * they hold are the ones the save would change.
 */
export const refuseRoleChanges: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' || !req.user || isAdmin(req.user)) return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || !('roles' in data) || sameRoles(data.roles, req.user.roles)) return args
  throw refuse(403, 'Only an admin can change roles; ask an admin.')
}

const sameRoles = (requested: unknown, held: unknown): boolean => {
  const set = (value: unknown) =>
    new Set((Array.isArray(value) ? value : [value]).filter((role) => role != null).map(String))
  const [a, b] = [set(requested), set(held)]
  return a.size === b.size && [...a].every((role) => b.has(role))
}
