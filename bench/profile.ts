/**
 * A short reading of the CPU profiles `--cpu-prof` leaves (one per server process): where the
 * server's time went, by function and by package, self time only.
 */
import fs from 'node:fs'
import path from 'node:path'

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

export function summariseProfiles(dir: string, top = 15): string {
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'))
    : []
  if (!files.length) return `  no profile in ${dir}`
  const byFunction = new Map<string, number>()
  const byPackage = new Map<string, number>()
  let total = 0
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index] ?? 0
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame
      if (functionName === '(idle)' || functionName === '(program)') return
      total += micros
      const where = url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '')
      const fn =
        `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim()
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros)
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
        (where.startsWith('node:') || !where ? '(node internals, GC)' : where.split('/')[0]!)
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros)
    })
  }
  const list = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `    ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n')
  return [
    `  busy ${(total / 1e6).toFixed(1)} s in ${files.length} profile(s); self time by package:`,
    list(byPackage, 10),
    '  by function:',
    list(byFunction, top),
  ].join('\n')
}
