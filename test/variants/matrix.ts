// Prints the pass/fail matrix (case × seed × check) and every problem, for reports:
//   npx tsx test/variants/matrix.ts [--details] [--write-known] [case-name-substring]
// --write-known rewrites known-failures.json (the cases variants.test.ts runs as test.failing)
// from this run; review the diff before committing it.
// 'n/a' = the transform changes nothing in that workbook; 'ok' = all checks pass;
// otherwise the failing checks: T (types), F (findings kept), E (new errors), V (figures).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CASES, outcome, seedFiles } from './cases';

async function main(): Promise<void> {
  const details = process.argv.includes('--details');
  const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const seeds = seedFiles();
  const cases = ALL_CASES.filter((c) => !filter || c.name.includes(filter));
  const lines: string[] = [];
  lines.push(['case', ...seeds].join(' | '));
  const problems: string[] = [];
  const known: string[] = [];
  for (const c of cases) {
    const row: string[] = [c.name + (c.optional ? ' (optional)' : '')];
    for (const s of seeds) {
      try {
        const o = await outcome(c, s);
        if (o.variant.touched.length === 0) {
          row.push('n/a');
          continue;
        }
        const fails: string[] = [];
        if (o.tables.length) fails.push(`T${o.tables.length}`);
        if (!o.variant.relaxed && o.missing.length) fails.push(`F${o.missing.length}`);
        if (o.newErrors.length) fails.push(`E${o.newErrors.length}`);
        if (!o.variant.relaxed && o.valueChanges.length) fails.push(`V${o.valueChanges.length}`);
        row.push(fails.length ? fails.join(' ') : 'ok');
        const key = (check: string): string => `${c.name}|${s}|${check}`;
        if (o.tables.length) known.push(key('types'));
        if (o.newErrors.length) known.push(key('no-new-errors'));
        if (!o.variant.relaxed && o.missing.length) known.push(key('findings'));
        if (!o.variant.relaxed && o.valueChanges.length) known.push(key('figures'));
        const pre = `[${c.name} × ${s}]`;
        for (const p of o.tables) problems.push(`${pre} TYPES ${p}`);
        if (!o.variant.relaxed) for (const p of o.missing) problems.push(`${pre} MISSING ${p}`);
        for (const p of o.newErrors) problems.push(`${pre} NEW-ERROR ${p}`);
        if (!o.variant.relaxed) for (const p of o.valueChanges) problems.push(`${pre} FIGURES ${p}`);
      } catch (e) {
        row.push('THROWS');
        for (const check of ['types', 'no-new-errors', 'findings', 'figures']) known.push(`${c.name}|${s}|${check}`);
        problems.push(`[${c.name} × ${s}] THROWS ${(e as Error).stack ?? String(e)}`);
      }
    }
    lines.push(row.join(' | '));
  }
  console.log(lines.join('\n'));
  if (details) console.log('\n' + problems.join('\n'));
  if (process.argv.includes('--write-known')) {
    if (filter) throw new Error('--write-known needs the full matrix (no case filter)');
    writeFileSync(path.join(__dirname, 'known-failures.json'), JSON.stringify(known.sort(), null, 2) + '\n');
    console.log(`\nwrote ${known.length} known failures`);
  }
}

void main();
