/**
 * Keys that reach an object's prototype when code copies data with `target[key] = value` (a deep
 * merge in a frontend, a rich-text editor restoring its nodes). JSON.parse keeps them as plain
 * keys, and Payload stores them as sent inside rich text and JSON fields; they are refused
 * wherever data comes in.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
])

export type ForbiddenKey = { key: string; path: string }

const isWalkable = (value: unknown): value is Record<string, unknown> => {
  if (Array.isArray(value)) return true
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * The first forbidden key in parsed JSON (or GraphQL) data, with its path in Payload's dot notation
 * (`body.root.children.0.__proto__`). Walks with a stack, not recursion: a 1 MB body can nest
 * deeper than the call stack goes.
 */
export function findForbiddenKey(data: unknown): ForbiddenKey | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: data, path: '' }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    if (!isWalkable(value)) continue
    const keys = Object.keys(value)
    const at = (key: string) => (path ? `${path}.${key}` : key)
    const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key))
    if (forbidden) return { key: forbidden, path: at(forbidden) }
    for (let i = keys.length - 1; i >= 0; i--)
      stack.push({ value: value[keys[i]!], path: at(keys[i]!) })
  }
  return undefined
}
