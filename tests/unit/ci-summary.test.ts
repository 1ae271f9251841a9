import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { countFaults, countVitest, summaryLines } from '../../scripts/ci-summary'

const report = (files: { status: string; tests: string[] }[]) =>
  JSON.stringify({
    numPassedTests: files.flatMap((f) => f.tests).filter((t) => t === 'passed').length,
    numFailedTests: files.flatMap((f) => f.tests).filter((t) => t === 'failed').length,
    numPendingTests: files.flatMap((f) => f.tests).filter((t) => t === 'skipped').length,
    numTodoTests: 0,
    testResults: files.map((f) => ({
      status: f.status,
      assertionResults: f.tests.map((status) => ({ status })),
    })),
  })

describe('what the CI summary counts', () => {
  it('counts vitest test cases, not skipped ones, and a file that fails outside its tests as one failure', () => {
    const text = report([
      { status: 'passed', tests: ['passed', 'passed', 'skipped'] },
      { status: 'failed', tests: ['passed', 'failed'] },
      { status: 'failed', tests: [] },
    ])
    expect(countVitest(text, 1)).toEqual({ passed: 3, failed: 2, skipped: 1 })
  })

  it.each([
    [
      'a vitest run that exits non-zero with every test passed',
      countVitest(report([{ status: 'passed', tests: ['passed'] }]), 1),
    ],
    ['a vitest run that wrote no report', countVitest(undefined, 1)],
    ['npm test stopped before vitest (a type error), so no report', countVitest(undefined, 2)],
    [
      'a faults run that crashed before its summary',
      countFaults('faults: seeded the demo newsroom\n', 1),
    ],
    [
      'a faults run that exits non-zero with no violation counted',
      countFaults('80 checks passed, 0 violations, 3 s', 1),
    ],
  ])('never reports 0 failed for %s', (_, count) => {
    expect(count.failed).toBeGreaterThan(0)
  })

  it('counts the checks and violations of test:faults as it reports them', () => {
    expect(
      countFaults('faults: 3 rounds, … 412 checks passed, 2 violations, 30.1 s', 1),
    ).toMatchObject({ passed: 412, failed: 2 })
  })
})

describe('summaryLines', () => {
  it('gives a line per suite, then one plain line summing them all', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-summary-'))
    const faultsLog = path.join(dir, 'faults.log')
    fs.writeFileSync(faultsLog, 'faults: 3 rounds, 40 checks passed, 0 violations, 20 s\n')
    const { lines, failed } = summaryLines(
      `vitest\tnpm test\t1\t${path.join(dir, 'missing.json')}\nfaults\ttest:faults\t0\t${faultsLog}\n`,
    )
    expect(lines).toEqual([
      'ci: npm test: passed 0, failed 1 (no JSON report written, exit code 1)',
      'ci: test:faults: passed 40, failed 0',
      '40 passed, 1 failed',
    ])
    // Only the last line has the shape "N passed, N failed": nothing else can be read as the sum.
    expect(lines.filter((line) => /\d+ passed, \d+ failed/.test(line))).toEqual([lines.at(-1)])
    expect(failed).toBe(1)
  })

  it('fails when no suite ran at all', () => {
    expect(summaryLines('')).toEqual({ lines: ['0 passed, 1 failed'], failed: 1 })
  })
})
