import fs from 'node:fs';
import path from 'node:path';
import { templatesDir } from './templates';

/** Form answers that pass every template's shared pages; tests override a few. */
export const baseAnswers: Record<string, unknown> = JSON.parse(
  fs.readFileSync(
    path.join(templatesDir, '_shared/example-answers.json'),
    'utf8',
  ),
);

/** Each template's own first page. */
export const templateAnswers: Record<string, Record<string, unknown>> = {
  'typescript-service': { language: 'typescript', nodeVersion: '22' },
  'python-model-service': { language: 'python' },
  'java-service': {
    language: 'java',
    groupId: 'io.gogidix',
    nexusUrl: 'https://nexus.gogidix.dev',
  },
};

export const TEMPLATES = Object.keys(templateAnswers);
export const GPU_PROFILES = [
  'none',
  'small-inference',
  'large-inference',
  'training',
  'mig-slice',
];
