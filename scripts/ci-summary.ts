/**
 * `tsx scripts/ci-summary.ts <suites.tsv>`: the last lines of `.ci/run`. Each line of the file is
 * one suite that ran — `<kind>\t<name>\t<exit code>\t<artifact>` — and this prints one line per
 * suite (`ci: <name>: passed N, failed N`), then the last line, the sum of them all, plainly
 * `N passed, N failed`, and exits 1 when any failed.
 *
 * What counts as one:
 * - `vitest`: a test case, from the JSON report (skipped and todo count as neither); a test file
 *   that fails outside its tests (it does not load, a hook throws) is one failure.
 * - `faults` (scripts/faults.ts): its own count, "N checks passed, N violations": each check is an
 *   invariant it verified after a kill, and each violation is reported by name like a failed test.
 * A suite that exits non-zero without a counted failure (a crash, an error outside any test, no
 * report written) counts one failure, so "0 failed" always means every suite passed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export type Kind = 'vitest' | 'faults'
export type Count = { passed: number; failed: number; skipped: number; note?: string }

type VitestReport = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: { status: string; assertionResults: { status: string }[] }[]
}

/** A failure the counts did not show: the suite's exit code is the last word. */
function withExitCode(count: Count, exitCode: number, why: string): Count {
  return exitCode !== 0 && count.failed === 0 ? { ...count, failed: 1, note: why } : count
}

export function countVitest(reportText: string | undefined, exitCode: number): Count {
  if (reportText === undefined)
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `no JSON report written, exit code ${exitCode}`,
    }
  const report = JSON.parse(reportText) as VitestReport
  const brokenFiles = report.testResults.filter(
    (file) =>
      file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length
  const count = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  }
  return withExitCode(count, exitCode, `exit code ${exitCode} outside any test`)
}

export function countFaults(log: string | undefined, exitCode: number): Count {
  const summary = /(\d+) checks passed, (\d+) violations/.exec(log ?? '')
  if (!summary)
    return { passed: 0, failed: 1, skipped: 0, note: `no summary line, exit code ${exitCode}` }
  return withExitCode(
    { passed: Number(summary[1]), failed: Number(summary[2]), skipped: 0 },
    exitCode,
    `exit code ${exitCode}`,
  )
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined)

export function countSuite(kind: string, exitCode: number, artifact: string): Count {
  if (kind === 'vitest') return countVitest(read(artifact), exitCode)
  if (kind === 'faults') return countFaults(read(artifact), exitCode)
  return { passed: 0, failed: 1, skipped: 0, note: `unknown kind "${kind}"` }
}

export function summaryLines(suitesTsv: string): { lines: string[]; failed: number } {
  const lines: string[] = []
  let passed = 0
  let failed = 0
  for (const record of suitesTsv.split('\n').filter(Boolean)) {
    const [kind, name, code, artifact] = record.split('\t')
    const count = countSuite(kind, Number(code), artifact)
    passed += count.passed
    failed += count.failed
    const extra = [count.skipped ? `${count.skipped} skipped` : '', count.note ?? '']
      .filter(Boolean)
      .join('; ')
    lines.push(
      `ci: ${name}: passed ${count.passed}, failed ${count.failed}${extra ? ` (${extra})` : ''}`,
    )
  }
  if (!lines.length) failed = 1
  return { lines: [...lines, `${passed} passed, ${failed} failed`], failed }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { lines, failed } = summaryLines(read(process.argv[2] ?? '') ?? '')
  console.log(lines.join('\n'))
  process.exit(failed ? 1 : 0)
}
