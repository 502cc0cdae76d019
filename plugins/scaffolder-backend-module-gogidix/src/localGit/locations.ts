// How repositories on this machine are named and addressed: the name and
// ref rules every path and URL is checked against before git sees it.

/** Repository names and owners: the catalog's name rules, lower case. */
export const SEGMENT = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Whether `ref` is a branch, tag or commit name git would accept as one path
 * segment (`git check-ref-format` rules). A leading '-' is refused as well:
 * git would read the ref as an option (`--output=...` writes files).
 */
export function isValidRef(ref: string): boolean {
  return (
    ref.length > 0 &&
    ref.length <= 255 &&
    !ref.startsWith('-') &&
    !ref.startsWith('.') &&
    !ref.endsWith('.') &&
    !ref.endsWith('.lock') &&
    ref !== '@' &&
    !ref.includes('..') &&
    !ref.includes('@{') &&
    // Control characters, space, and what git reserves: ~ ^ : ? * [ \ /
    // eslint-disable-next-line no-control-regex
    !/[\x00-\x20\x7f~^:?*[\\/]/.test(ref)
  );
}

/** A path inside a repository: no '.', '..' or empty segments, no control characters. */
export function isValidFilePath(filePath: string): boolean {
  if (filePath === '') return true;
  return (
    // eslint-disable-next-line no-control-regex
    !/[\x00-\x1f\x7f]/.test(filePath) &&
    filePath.split('/').every(s => s !== '' && s !== '.' && s !== '..')
  );
}

export interface LocalGitLocation {
  owner: string;
  name: string;
  ref: string;
  /** Path inside the repository, without a leading slash; '' for the root. */
  filePath: string;
}

/**
 * What a publish leaves behind when its process dies: a staging folder, or a
 * repository in place whose registration was never stored. Each carries
 * the id of the scaffolder task that made it.
 */
export type UnfinishedPublish =
  | { kind: 'staging'; folder: string; taskId: string }
  | { kind: 'repository'; owner: string; name: string; taskId: string };

export interface PublishedRepository {
  remoteUrl: string;
  repoContentsUrl: string;
  catalogInfoUrl: string;
  commitHash: string;
}
