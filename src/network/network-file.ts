/**
 * Reading a network document from a file (NETWORK_FILE, the first-run default):
 * parsed and validated like an upload, with errors naming the file.
 */
import { readFile } from 'node:fs/promises';
import { validateNetwork } from '../routing/network/validate';
import type { NetworkDocument } from '../routing/types';

export async function readNetworkFile(path: string): Promise<NetworkDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read network file ${path}: ${(err as Error).message}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`network file ${path} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  const result = validateNetwork(json);
  if (!result.ok) {
    const first = result.problems.slice(0, 3).map((p) => `${p.path || '/'}: ${p.message}`);
    throw new Error(
      `network file ${path} is not a valid network (${result.problems.length} problems): ${first.join('; ')}`,
    );
  }
  return result.network;
}
