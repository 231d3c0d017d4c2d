// Mutation test: inject errors into the seed workbooks, one per engine run, and check the
// engine reports each at the right place and nowhere else; then perturb figures inside the
// rounding tolerance and check the engine never calls that an error. Thresholds are the
// product's requirements; a failure here is an engine defect to report, not to filter.
import { Dec } from '../../src/engine/amount';
import { checkWorkbook } from '../../src/engine/index';
import type { Finding, Report } from '../../src/engine/report';
import type { WorkbookSnapshot } from '../../src/engine/grid';
import { mulberry32, pick, type Rng } from '../support/prng';
import { cloneForMutation, loadSnapshot, seedFiles } from '../support/seeds';
import {
  MUTATION_CLASSES, applyMutation, candidates, describeFinding, describeMutation, drawMutation,
  findingKey, findingLocation, isAllowedFinding, isAllowedLocation, isInjectedError, isRoundingSized,
  type Candidate, type Mutation, type MutationClass,
} from '../support/mutation';

jest.setTimeout(120_000);

const INJECTED_PER_CLASS = 80; // × 5 classes = 400 injected errors over all seeds
const PERTURBATIONS = 400;
const MIN_DETECTION = 0.98;

interface Seed {
  file: string;
  wb: WorkbookSnapshot;
  baseline: Report;
  baselineKeys: Set<string>;
  cells: Candidate[];
}

interface Outcome {
  m: Mutation;
  seed: string;
  detected: boolean;
  newErrors: Finding[];
  falseErrors: Finding[];
  /** New findings at the allowed locations, any severity, for the miss report. */
  nearby: Finding[];
  thrown?: string;
}

let seeds: Seed[] = [];
const roundingSizedTypos: { seed: Seed; m: Mutation }[] = [];

beforeAll(async () => {
  const files = await seedFiles();
  seeds = [];
  for (const file of files) {
    const wb = await loadSnapshot(file);
    const baseline = checkWorkbook(wb);
    seeds.push({ file: wb.file, wb, baseline, baselineKeys: new Set(baseline.findings.map(findingKey)), cells: candidates(wb, baseline) });
  }
});

function run(seed: Seed, m: Mutation): Outcome {
  const wb = cloneForMutation(seed.wb);
  applyMutation(wb, m);
  let report: Report;
  try {
    report = checkWorkbook(wb);
  } catch (e) {
    return { m, seed: seed.file, detected: false, newErrors: [], falseErrors: [], nearby: [], thrown: String(e) };
  }
  const fresh = report.findings.filter((f) => !seed.baselineKeys.has(findingKey(f)));
  const newErrors = fresh.filter((f) => f.severity === 'error');
  const allowed = (f: Finding): boolean => isAllowedFinding(m.cell, f);
  // Detection counts only the mutated table's own row/column; a cross-table finding is allowed, not required.
  const inTable = (f: Finding): boolean => isAllowedLocation(m.cell, findingLocation(f));
  return {
    m,
    seed: seed.file,
    detected: newErrors.some(inTable),
    newErrors,
    falseErrors: newErrors.filter((f) => !allowed(f)),
    nearby: fresh.filter(allowed),
  };
}

function sample(rng: Rng, seed: Seed, cls: MutationClass, want: number, seen: Set<string>): Mutation[] {
  const out: Mutation[] = [];
  for (let attempt = 0; attempt < want * 200 && out.length < want; attempt++) {
    const cell = pick(rng, seed.cells);
    const m = drawMutation(rng, cls, cell);
    if (!m) continue;
    const k = `${cell.sheetIndex}:${cell.r}:${cell.c}:${m.next?.toString() ?? 'null'}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (isInjectedError(m)) out.push(m);
    else if (isRoundingSized(m)) roundingSizedTypos.push({ seed, m });
  }
  return out;
}

function show(o: Outcome): string {
  const what = o.thrown ? `THREW ${o.thrown}` : o.nearby.length ? o.nearby.map(describeFinding).join('; ') : 'no new finding in its row/column';
  return `  ${o.seed} ${o.m.cls}: ${describeMutation(o.m)} → ${what}`;
}

test('injected errors are reported at the mutated cell or its row/column total, and nowhere else', () => {
  expect(seeds.length).toBeGreaterThan(0);
  const rng = mulberry32(20231201);
  const perSeed = Math.ceil(INJECTED_PER_CLASS / seeds.length);
  const outcomes: Outcome[] = [];
  for (const seed of seeds) {
    const seen = new Set<string>();
    for (const cls of MUTATION_CLASSES) for (const m of sample(rng, seed, cls, perSeed, seen)) outcomes.push(run(seed, m));
  }
  const total = outcomes.length;
  const detected = outcomes.filter((o) => o.detected).length;
  const withFalse = outcomes.filter((o) => o.falseErrors.length > 0);
  const falseCount = withFalse.reduce((n, o) => n + o.falseErrors.length, 0);
  const lines = [`mutation: seeds=${seeds.length} candidate cells=${seeds.map((s) => s.cells.length).join('+')}`];
  lines.push(`mutation: injected errors detected ${detected}/${total} (${((100 * detected) / Math.max(1, total)).toFixed(2)}%), false error findings ${falseCount} in ${withFalse.length} runs`);
  for (const cls of MUTATION_CLASSES) {
    const of = outcomes.filter((o) => o.m.cls === cls);
    const det = of.filter((o) => o.detected).length;
    const fa = of.filter((o) => o.falseErrors.length > 0).length;
    lines.push(`  ${cls.padEnd(6)} detected ${det}/${of.length}  runs with false errors ${fa}`);
  }
  const byType = new Map<string, [number, number]>();
  for (const o of outcomes) {
    const k = o.m.cell.tableType;
    const [d, n] = byType.get(k) ?? [0, 0];
    byType.set(k, [d + (o.detected ? 1 : 0), n + 1]);
  }
  lines.push('  by table type: ' + [...byType].map(([k, [d, n]]) => `${k} ${d}/${n}`).join(', '));
  const missed = outcomes.filter((o) => !o.detected);
  if (missed.length) lines.push(`missed (${missed.length}):`, ...missed.slice(0, 60).map(show));
  if (withFalse.length)
    lines.push(`false errors (${withFalse.length} runs):`, ...withFalse.slice(0, 40).map((o) => `${show(o)}\n     outside: ${o.falseErrors.map(describeFinding).join('; ')}`));
  console.log(lines.join('\n'));

  expect(total).toBeGreaterThanOrEqual(300);
  expect(detected / total).toBeGreaterThanOrEqual(MIN_DETECTION);
  expect(falseCount).toBe(0);
});

/** Cells whose row or column (in their table) already carries a remainder that one more step could legitimately push over the tolerance. */
function nearTolerance(seed: Seed, cell: Candidate): boolean {
  return seed.baseline.findings.some((f) => {
    if (!isAllowedFinding(cell, f)) return false;
    if (f.severity === 'error') return true;
    if (f.severity !== 'rounding') return false;
    return new Dec(f.difference).abs().plus(cell.step).greaterThan(new Dec(f.tolerance));
  });
}

/** A figure shown at 0.01 万元 in a table shown at 0.01 万元: one step (0.01) is a rounding remainder, never an error. */
function shownAtCentOfWan(c: Candidate): boolean {
  return c.rounding.applies && c.unit === '万元' && c.decimals === 2 && c.tableDecimals === 2;
}

test('perturbations inside the rounding tolerance are never reported as errors', () => {
  const rng = mulberry32(777);
  const outcomes: Outcome[] = [];
  let skippedNear = 0;
  const eligible = (seed: Seed, c: Candidate): boolean => shownAtCentOfWan(c) && !nearTolerance(seed, c);
  for (const seed of seeds) {
    const pool = seed.cells.filter(shownAtCentOfWan);
    const ok = pool.filter((c) => eligible(seed, c));
    skippedNear += pool.length - ok.length;
    if (ok.length === 0) continue;
    const want = Math.ceil(PERTURBATIONS / seeds.length);
    for (let i = 0; i < want; i++) {
      const cell = pick(rng, ok);
      const down = rng() < 0.5 && cell.value.greaterThanOrEqualTo(cell.step);
      const next = down ? cell.value.minus(cell.step) : cell.value.plus(cell.step);
      outcomes.push(run(seed, { cls: 'perturb', cell, next, change: cell.step }));
    }
  }
  // Digit typos that happened to move a figure by exactly one step belong here too.
  const typos = roundingSizedTypos.filter(({ seed, m }) => eligible(seed, m.cell)).map(({ seed, m }) => run(seed, m));
  const all = [...outcomes, ...typos];
  const flagged = all.filter((o) => o.newErrors.length > 0 || o.thrown);
  const lines = [
    `tolerance: perturbations ±1 step ${outcomes.length} (+${typos.length} one-step typos), runs with a new error finding ${flagged.length}; cells skipped because their row/column already sits near the tolerance: ${skippedNear}`,
  ];
  const rounding = all.filter((o) => o.nearby.some((f) => f.severity === 'rounding')).length;
  lines.push(`  runs whose perturbation was reported as rounding (尾差): ${rounding}/${all.length}`);
  if (flagged.length) lines.push('flagged as error:', ...flagged.slice(0, 30).map((o) => `${show(o)}\n     errors: ${o.newErrors.map(describeFinding).join('; ')}`));
  console.log(lines.join('\n'));
  expect(all.length).toBeGreaterThanOrEqual(300);
  expect(flagged.length).toBe(0);
});
