#!/usr/bin/env node
// The `vigil` command. The real entry is the bundle built by `npm run build` (scripts/build.mjs).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`vigil: ${bundle} is missing; build it first with 'npm run build'.\n`);
  process.exit(2);
}
require(bundle);
