// Maps the tsconfig path aliases for jest, so they are declared in one place only.
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');
const root = path.resolve(__dirname, '..');
module.exports = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(root, target)]),
);
