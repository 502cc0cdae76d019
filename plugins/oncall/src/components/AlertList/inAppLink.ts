/**
 * Alerts carry absolute runbook URLs (`<app.baseUrl>/runbooks/...`). Links
 * into the portal itself become paths so they open in place, not in a new tab.
 */
export function inAppLink(url: string, appBaseUrl: string): string {
  const base = appBaseUrl.replace(/\/+$/, '');
  if (url === base || url.startsWith(`${base}/`)) {
    const basePath = new URL(base).pathname.replace(/\/+$/, '');
    return `${basePath}${url.slice(base.length)}` || '/';
  }
  return url;
}
