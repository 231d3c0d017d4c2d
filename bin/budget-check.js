#!/usr/bin/env node
// Thin launcher: the CLI is compiled into dist/ by `npm install` (prepare script). A run that
// reads a workbook may restart with a smaller V8 thread pool (small-pool.js).
const args = process.argv.slice(2);
require('./small-pool.js')(() => {
  require('../dist/cli/main.js').main(args).then((code) => {
    process.exitCode = code;
  });
}, args.some((a) => /\.xlsx$/i.test(a)));
