// On a machine with two cores or fewer, V8's default four worker threads (garbage collection,
// compilation) keep preempting the main thread: a large workbook takes a third longer to check.
// Node reads the pool size only at start, so the process starts itself again with one worker.
// Returns only when no restart is needed; otherwise exits with the restarted process's status.
const os = require('os');
const { spawnSync } = require('child_process');

module.exports = function relaunchWithSmallPool() {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
  // Set already, or a debugger attached (a second process could not take its port): run as is.
  if (flags.some((a) => a.includes('--v8-pool-size') || a.includes('--inspect')) || os.availableParallelism() > 2) return;
  const args = [...process.execArgv, '--v8-pool-size=1', process.argv[1], ...process.argv.slice(2)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 2);
};
