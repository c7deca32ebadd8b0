/** The repository's deployment files, read from the tests under test/deploy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO, path), 'utf8');
}

/** The command line of an npm script; throws when package.json has no such script. */
export function npmScript(name: string): string {
  const { scripts } = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
  const script = scripts[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  return script;
}
