/**
 * Admin options for a field that only the server reads and writes: not in the edit view, the list's
 * column picker and filters, or bulk edit. Admin-only, so the API and the hooks still see it.
 * (`admin.hidden` alone keeps a field in the column picker and the filter dropdown.)
 */
export const internalAdmin = {
  hidden: true,
  disableListColumn: true,
  disableListFilter: true,
  disableBulkEdit: true,
} as const
