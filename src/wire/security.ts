/**
 * The `security` of each kind of call in the OpenAPI document (src/http/docs.ts
 * declares the schemes): none for public calls, ADMIN_TOKEN for admin calls, and
 * for routing calls an API key in either header while API_KEYS is set.
 */

/** The `security` of an operation anyone may call. */
export const PUBLIC_SECURITY: Record<string, string[]>[] = [];

/** The `security` of an admin call. */
export const ADMIN_SECURITY = [{ adminToken: [] }];

/** The `security` of a routing call: one of API_KEYS (when set), in x-api-key or as a bearer token. */
export function routingSecurity(apiKeys: readonly string[]): Record<string, string[]>[] {
  return apiKeys.length ? [{ apiKey: [] }, { apiKeyBearer: [] }] : PUBLIC_SECURITY;
}
