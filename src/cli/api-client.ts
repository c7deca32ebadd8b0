/**
 * The CLI's calls to the service over HTTP (Node's fetch). An error answer
 * becomes a CliError reading `CODE: message`, as the service words it.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface ApiTarget {
  /** The service's base URL, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Sent as x-api-key when the service requires API keys. */
  apiKey?: string;
}

/** fetch's options, with `duplex: 'half'` for a streamed body. */
export type CallInit = RequestInit & { duplex?: 'half' };

export async function call(target: ApiTarget, path: string, init: CallInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (target.apiKey) headers.set('x-api-key', target.apiKey);
  let res: Response;
  try {
    res = await fetch(new URL(path, target.url), { ...init, headers });
  } catch (err) {
    throw new CliError(
      `cannot reach ${target.url}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`,
    );
  }
  if (res.ok) return res;
  const text = await res.text();
  let body: { error?: string; message?: string } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { message: text };
  }
  throw new CliError(`${body.error ?? `HTTP ${res.status}`}: ${body.message ?? res.statusText}`);
}

export async function callJson<T>(target: ApiTarget, path: string, init?: CallInit): Promise<T> {
  return (await (await call(target, path, init)).json()) as T;
}
