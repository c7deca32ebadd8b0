/**
 * Lets a child process run the TypeScript sources directly, as jest does:
 * `node -r test/support/swc-register.js src/worker-main.ts`. Each .ts file is
 * compiled with @swc/core when it is first required.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
