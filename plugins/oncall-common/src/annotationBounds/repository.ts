/**
 * Path segments that end a repository's path in the web URLs of GitHub,
 * GitLab (`/-/tree/…`), Bitbucket (`/src/…`) and the portal's local git
 * server, which copies GitHub's shape.
 */
const REPOSITORY_PATH_END = new Set(['tree', 'blob', 'raw', 'src', '-']);

/**
 * `host/owner/repo` of a repository URL, lower-cased, without `.git`; the
 * same for every file or folder in the repository. Undefined for anything
 * that is not an http(s) URL.
 */
export function repositoryOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return undefined;
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  const end = segments.findIndex(s => REPOSITORY_PATH_END.has(s));
  const path = (end === -1 ? segments : segments.slice(0, end))
    .join('/')
    .replace(/\.git$/, '');
  if (!path) {
    return undefined;
  }
  return `${parsed.host}/${path}`.toLowerCase();
}

/** True when both URLs are in one repository (host, owner and name). */
export function inSameRepository(url: string, base: string): boolean {
  const repository = repositoryOf(url);
  return repository !== undefined && repository === repositoryOf(base);
}
