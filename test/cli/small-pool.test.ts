// bin/small-pool.js: on two cores or fewer the process starts itself again with one V8 worker
// thread, passing its arguments through and ending with the restarted process's status.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const POOL = path.resolve(__dirname, '../../bin/small-pool.js');

function script(body: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'small-pool-'));
  const file = path.join(dir, 'probe.js');
  writeFileSync(file, `require(${JSON.stringify(POOL)})(() => {\n${body}\n});\n`);
  return file;
}

const small = os.availableParallelism() <= 2;

test(`restarts with one worker thread ${small ? '(this machine has ≤ 2 cores)' : 'only on ≤ 2 cores (not here)'}`, () => {
  const file = script('console.log(JSON.stringify({ flags: process.execArgv, args: process.argv.slice(2) }));');
  const run = spawnSync(process.execPath, [file, 'check', '甲.xlsx'], { encoding: 'utf8' });
  const seen = JSON.parse(run.stdout) as { flags: string[]; args: string[] };
  expect(seen.flags.includes('--v8-pool-size=1')).toBe(small);
  expect(seen.args).toEqual(['check', '甲.xlsx']);
  expect(run.status).toBe(0);
});

test('ends with the restarted process\'s exit status', () => {
  const file = script('process.exit(3);');
  expect(spawnSync(process.execPath, [file], { encoding: 'utf8' }).status).toBe(3);
});

test('passes a termination signal on to the restarted process', () => {
  const file = script('process.on("SIGTERM", () => { console.log("child got SIGTERM"); process.exit(5); }); setTimeout(() => {}, 10_000); process.kill(process.ppid, "SIGTERM");');
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 10_000 });
  if (small) {
    expect(run.stdout).toContain('child got SIGTERM');
    expect(run.status).toBe(5);
  }
});

test('leaves a process alone whose pool size is set already', () => {
  const file = script('console.log(process.execArgv.join(" "));');
  const run = spawnSync(process.execPath, ['--v8-pool-size=2', file], { encoding: 'utf8' });
  expect(run.stdout.trim()).toBe('--v8-pool-size=2');
});
