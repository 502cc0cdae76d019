// Writes a self-contained copy of a service template, with the pieces it
// shares from templates/_shared inlined, for the Create page's Template
// Editor ("Load Template Directory"), which reads template.yaml as it is.
//
//   yarn template-for-editor <template> <output folder>
import fs from 'node:fs';
import path from 'node:path';
import { templateFiles } from '../plugins/scaffolder-backend-module-gogidix/src/templateFiles';

const [name, out] = process.argv.slice(2);
if (!name || !out) {
  console.error('usage: yarn template-for-editor <template> <output folder>');
  process.exit(2);
}
const templatesDir = path.resolve(__dirname, '../templates');
for (const [file, content] of Object.entries(
  templateFiles(templatesDir, name),
)) {
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.writeFileSync(path.join(out, file), content);
}
console.log(
  `Wrote ${name} to ${out}; load that folder in Create > Template Editor.`,
);
