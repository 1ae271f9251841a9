/** Every role, declared once (the users' `roles` field, the workflow's table and access use these). */
export const ROLES = ['admin', 'publisher', 'editor', 'contributor'] as const
export type Role = (typeof ROLES)[number]

/** The roles that see every article and moderate comments; listed lowest first, as refusals name them. */
export const STAFF_ROLES: readonly Role[] = ['editor', 'publisher', 'admin']

/** The roles that approve, schedule and publish. */
export const PUBLISHER_ROLES: readonly Role[] = ['publisher', 'admin']

type MaybeUser = { roles?: readonly (Role | string)[] | null } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: readonly Role[]): boolean =>
  Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))

export const isAdmin = (user: MaybeUser): boolean => hasRole(user, 'admin')
export const isStaff = (user: MaybeUser): boolean => hasRole(user, ...STAFF_ROLES)

/** For `admin.hidden`: contributors' navigation has no users, audit trail or comment moderation. */
export const hiddenFromContributors = ({ user }: { user: unknown }): boolean =>
  !isStaff(user as MaybeUser)
