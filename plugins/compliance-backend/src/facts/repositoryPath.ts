import fs from 'node:fs';
import path from 'node:path';

const repositoryRoots = new Map<string, string | null>();

function repositoryRoot(dir: string): string | null {
  const known = repositoryRoots.get(dir);
  if (known !== undefined) return known;
  const parent = path.dirname(dir);
  let root: string | null = null;
  if (fs.existsSync(path.join(dir, '.git'))) {
    root = dir;
  } else if (parent !== dir) {
    root = repositoryRoot(parent);
  }
  repositoryRoots.set(dir, root);
  return root;
}

/**
 * How a fact names a file on the portal's disk: its path inside the git
 * repository that holds it (`demo/services/x/Dockerfile`), or its folder
 * and name alone outside any repository. Evidence is read by people who must not
 * learn where the portal runs.
 */
export function repositoryPath(file: string): string {
  const full = path.resolve(file);
  const root = repositoryRoot(path.dirname(full));
  const shown =
    root === null
      ? full.split(path.sep).slice(-2)
      : path.relative(root, full).split(path.sep);
  return shown.join('/');
}
