/** The repository's deployment files and what they are held to, for the tests under test/deploy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';

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

/** Every environment variable loadConfig reads, recorded as it reads them. */
export function configVariables(): Set<string> {
  const read = new Set<string>();
  loadConfig(new Proxy({}, { get: (_target, name) => void (typeof name === 'string' && read.add(name)) }));
  return read;
}
