/** Optional http(s) URL; other schemes (javascript:, data:) are refused. */
export function validateUrl(value: string | null | undefined): true | string {
  if (!value) return true
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:' || 'Use an http(s) URL.'
  } catch {
    return 'Not a valid URL.'
  }
}
