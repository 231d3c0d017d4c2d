// Node-side build step of the playground: converts samples/*.xlsx and the seed fixtures to snapshot
// JSON with the project's reader, so the browser never needs exceljs.
//   tsx src/playground/build-data.ts <outDir>
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../io/xlsx-read';
import type { PlaygroundIndex, PlaygroundWorkbookEntry } from './data';

const ROOT = path.resolve(__dirname, '..', '..');

function xlsxIn(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs)
    .filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$'))
    .sort()
    .map((f) => path.join(abs, f));
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, 'build', 'playground-data'));
  fs.mkdirSync(outDir, { recursive: true });
  // Seeds first: seed-000 is the default workbook (it contains genuine errors).
  const files = [...xlsxIn('test/fixtures/seeds'), ...xlsxIn('samples')];
  const workbooks: PlaygroundWorkbookEntry[] = [];
  for (const [i, file] of files.entries()) {
    const snapshot = await readWorkbookFile(file);
    const base = path.basename(file, '.xlsx');
    const id = /^[A-Za-z0-9._-]+$/.test(base) ? base : `wb${String(i).padStart(2, '0')}`;
    const json = `${id}.json`;
    fs.writeFileSync(path.join(outDir, json), JSON.stringify(snapshot));
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    workbooks.push({ id, label: base, source: rel, json, sheets: snapshot.sheets.length });
  }
  const index: PlaygroundIndex = { workbooks };
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 2));
  console.log(`[playground] ${workbooks.length} workbook(s) converted to ${path.relative(ROOT, outDir) || outDir}`);
}

main().catch((e: unknown) => {
  console.error(`[playground] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
