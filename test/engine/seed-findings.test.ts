// Every finding on every seed, as a reviewed snapshot: a change in findings is always
// visible in review (update with `npx jest -u` only after reading the diff).
import { checkSeed, seedFiles } from './seed-support';

test.each(seedFiles())('findings on %s', async (seed) => {
  const report = await checkSeed(seed);
  const lines = report.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} expected=${f.expected} actual=${f.actual}`);
  expect(lines.sort()).toMatchSnapshot();
});
