import fs from 'node:fs';
import path from 'node:path';
import { PORTAL_ANNOTATIONS, PORTAL_LABELS } from './annotations';

const doc = fs.readFileSync(
  path.resolve(__dirname, '../../../docs/annotations.md'),
  'utf8',
);

/**
 * The keys in the first column of the tables under each `## ` heading whose
 * title matches, e.g. "| `gogidix.io/openslo` | …".
 */
function documentedKeys(heading: RegExp): Set<string> {
  const keys = new Set<string>();
  for (const section of doc.split(/^## /m).slice(1)) {
    if (!heading.test(section.split('\n', 1)[0])) continue;
    for (const match of section.matchAll(/^\|\s*`([^`]+\/[^`]+)`\s*\|/gm)) {
      keys.add(match[1]);
    }
  }
  return keys;
}

const documentedAnnotations = documentedKeys(/annotation/i);
const documentedLabels = documentedKeys(/^Labels/);

describe('annotation names and docs/annotations.md', () => {
  it('finds the tables it checks', () => {
    expect(documentedAnnotations.size).toBeGreaterThan(10);
    expect(documentedLabels.size).toBeGreaterThan(0);
  });

  it('declares every documented annotation', () => {
    const undeclared = [...documentedAnnotations].filter(
      key => !PORTAL_ANNOTATIONS.includes(key),
    );
    expect(undeclared).toEqual([]);
  });

  it('documents every declared annotation', () => {
    const undocumented = PORTAL_ANNOTATIONS.filter(
      key => !documentedAnnotations.has(key),
    );
    expect(undocumented).toEqual([]);
  });

  it('declares and documents the same labels', () => {
    expect([...documentedLabels].sort()).toEqual([...PORTAL_LABELS].sort());
  });
});
