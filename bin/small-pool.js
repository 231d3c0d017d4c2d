// On a machine with two cores or fewer, V8's default four worker threads (garbage collection,
// compilation) keep preempting the main thread: a large workbook takes a third longer to check.
// Node reads the pool size only at start, so the process starts itself again with one worker,
// passes its signals on, and ends with the restarted process's status.
const os = require('os');
const { spawn } = require('child_process');

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Calls `runHere` in this process, or in a restarted one when that pays (`worthIt` and ≤ 2 cores). */
module.exports = function relaunchWithSmallPool(runHere, worthIt = true) {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
  // Set already, or a debugger attached (a second process could not take its port): run as is.
  if (!worthIt || flags.some((a) => a.includes('--v8-pool-size') || a.includes('--inspect')) || os.availableParallelism() > 2) {
    runHere();
    return;
  }
  const args = [...process.execArgv, '--v8-pool-size=1', process.argv[1], ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  const release = () => SIGNALS.forEach((s) => process.off(s, forward));
  SIGNALS.forEach((s) => process.on(s, forward));
  child.on('error', () => {
    // Could not start a process: check in this one.
    release();
    runHere();
  });
  child.on('exit', (code, signal) => {
    release();
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 2);
  });
};
