/** The id of a relation value, whether it arrives populated (`{ id }`) or as a bare id. */
export const idOf = (value: unknown): string | number | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: string | number }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}
