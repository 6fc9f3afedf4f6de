/**
 * The center's catalog: fetched (conditionally, by ETag) when the heartbeat reports an ETag other
 * than the one last seen, and handed to `onCatalog`.
 */
import { CatalogResponse } from '../../contract/sync';
import type { SyncContext } from './sync-context';

export async function refreshCatalog(ctx: SyncContext, token: string, etag: string | null): Promise<void> {
  const { link, options } = ctx;
  if (etag !== link.catalogEtag && options.onCatalog) {
    const headers: Record<string, string> = link.catalogEtag ? { 'if-none-match': link.catalogEtag } : {};
    const r = await ctx.http.request('GET', '/v1/catalog', CatalogResponse, { token, headers });
    if (r.body) options.onCatalog(r.body);
  }
  link.catalogEtag = etag;
}
