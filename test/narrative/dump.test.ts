// Prints every statement read from the seeds' prose (SEED=003 npx jest test/narrative/dump).
import { extractStatements } from '../../src/engine/narrative/extract';
import { seedFiles, seedProse } from './seed-text';
import { proseSheet } from './sheet';
import { show } from './show';

const run = process.env.SEED !== undefined ? test : test.skip;

run('dump the statements of the seeds', () => {
  for (const f of seedFiles().filter((f) => f.startsWith(process.env.SEED ?? ''))) {
    const st = extractStatements(proseSheet(seedProse(f)));
    console.log(`${f}\n${st.map((s) => `${s.source.cell} ${show(s)}    «${s.source.clause}»`).join('\n')}`);
  }
});
