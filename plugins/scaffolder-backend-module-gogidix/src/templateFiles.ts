import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * A service template's files as one self-contained folder: template.yaml
 * with the pieces it shares through `$yaml` (templates/_shared) inlined, the
 * way the catalog resolves them. The Template Editor and the scaffolder's
 * dry-run API read template.yaml as it is, so they need this form.
 */
export function templateFiles(
  templatesDir: string,
  name: string,
): Record<string, string> {
  const dir = path.join(templatesDir, name);
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(resolve);
    }
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.$yaml === 'string') {
        return parse(fs.readFileSync(path.resolve(dir, record.$yaml), 'utf8'));
      }
      return Object.fromEntries(
        Object.entries(record).map(([k, v]) => [k, resolve(v)]),
      );
    }
    return value;
  };
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
      }
    }
  };
  walk(dir);
  files['template.yaml'] = stringify(resolve(parse(files['template.yaml'])), {
    lineWidth: 0,
  });
  return files;
}
