// Writes a self-contained copy of a service template, with the pieces it
// shares from templates/_shared inlined, for the Create page's Template
// Editor ("Load Template Directory"), which reads template.yaml as it is.
//
//   node scripts/template-for-editor.mjs <template> <output folder>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const templatesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../templates',
);

/** The template's files, template.yaml with its `$yaml` pieces resolved. */
export function templateFiles(name) {
  const dir = path.join(templatesDir, name);
  const resolve = value => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      if (typeof value.$yaml === 'string') {
        return parse(fs.readFileSync(path.resolve(dir, value.$yaml), 'utf8'));
      }
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, resolve(v)]),
      );
    }
    return value;
  };
  const files = {};
  const walk = current => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  files['template.yaml'] = stringify(resolve(parse(files['template.yaml'])), {
    lineWidth: 0,
  });
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [name, out] = process.argv.slice(2);
  if (!name || !out) {
    console.error(
      'usage: node scripts/template-for-editor.mjs <template> <output folder>',
    );
    process.exit(2);
  }
  for (const [file, content] of Object.entries(templateFiles(name))) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), content);
  }
  console.log(
    `Wrote ${name} to ${out}; load that folder in Create > Template Editor.`,
  );
}
