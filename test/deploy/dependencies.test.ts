/**
 * The dependency rules (.dependency-cruiser.cjs) hold for src/, and they catch a
 * backward import: a copy of the rules run on a small tree where the core imports
 * the HTTP edge, the wire format imports the batch path and two modules import each
 * other.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './repo';

const run = promisify(execFile);
const DEPCRUISE = join(REPO, 'node_modules', '.bin', 'depcruise');

async function cruise(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(DEPCRUISE, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd,
    });
    return { code: 0, output: stdout };
  } catch (err) {
    const { code, stdout } = err as { code: number; stdout: string };
    return { code, output: stdout };
  }
}

describe('dependency rules', () => {
  it('hold for src/', async () => {
    const { code, output } = await cruise(REPO);
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('no dependency violations') });
  });

  it('fail on backward imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deps-'));
    try {
      copyFileSync(join(REPO, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }),
      );
      const files: Record<string, string> = {
        'src/http/app.ts': 'export const app = 1;\n',
        'src/routing/router/router.ts': "import { app } from '../../http/app';\nexport const route = app;\n",
        'src/batch/queues.ts': 'export const queue = 1;\n',
        'src/wire/route.ts': "import { queue } from '../batch/queues';\nexport const schema = queue;\n",
        'src/api/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'src/api/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const { code, output } = await cruise(dir);
      expect(code).not.toBe(0);
      expect(output).toContain('core-is-pure: src/routing/router/router.ts → src/http/app.ts');
      expect(output).toContain('only-the-bootstrap-imports-http: src/routing/router/router.ts → src/http/app.ts');
      expect(output).toContain('wire-is-a-leaf: src/wire/route.ts → src/batch/queues.ts');
      expect(output).toMatch(/no-cycles: src\/api\/(a|b)\.ts →\s+src\/api\/(b|a)\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
