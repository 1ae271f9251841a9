import type { Access, FieldAccess } from 'payload'

/** For records only the server writes (with overrideAccess), never a client. */
export const nobody: Access = () => false
export const nobodyField: FieldAccess = () => false
