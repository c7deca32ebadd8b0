// Calls to the service the page is served by. Errors come back as the service's {error, message} bodies.

const apiKeyInput = () => document.getElementById('api-key');

/** An answer that is not 2xx: the service's error body, with the HTTP status. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error;
  }
}

async function call(method, path, body) {
  const headers = {};
  const key = apiKeyInput()?.value.trim();
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, parsed);
  return parsed;
}

export const getJson = (path) => call('GET', path);
export const postJson = (path, body) => call('POST', path, body);

/**
 * What this service offers beyond the calls the page always uses, read from its
 * OpenAPI document: calls that other releases add (capacity, tours) and the
 * route request's `alternatives` field. The page never asks for what is not listed.
 */
export function featuresOf(openapi) {
  const paths = openapi.paths ?? {};
  const resolve = (schema) => {
    const ref = schema?.$ref;
    return ref ? openapi.components?.schemas?.[ref.split('/').pop()] : schema;
  };
  const routeBody = resolve(paths['/v1/routes']?.post?.requestBody?.content?.['application/json']?.schema);
  return {
    alternatives: Boolean(routeBody?.properties?.alternatives),
    capacity: Boolean(paths['/v1/capacity']?.get),
    tours: Boolean(paths['/v1/tours']?.post),
  };
}
