import { select, type SelectFieldManyValidation } from 'payload/shared'

import { ROLES } from '../access/roles'

export const NO_ROLE_MESSAGE = `Choose at least one role: ${ROLES.join(', ')}.`

/**
 * An account has at least one role, chosen on purpose: there is no default, so choosing "Editor"
 * saves exactly ['editor']. Otherwise Payload's own select checks (known options, no duplicates).
 */
export const validateRoles: SelectFieldManyValidation = (value, args) =>
  Array.isArray(value) && value.length > 0 ? select(value, args) : NO_ROLE_MESSAGE
