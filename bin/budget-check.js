#!/usr/bin/env node
// Thin launcher: the CLI is compiled into dist/ by `npm install` (prepare script).
require('./small-pool.js')();
require('../dist/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
