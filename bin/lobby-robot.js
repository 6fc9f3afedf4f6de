#!/usr/bin/env node
// The operators' entry point. The TypeScript sources are bundled into dist/ by `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('lobby-robot is not built yet: run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
require(cli).main();
