import { parseAllDocuments } from 'yaml';
import {
  BudgetingMethod,
  OpenSloProblem,
  ParsedOpenSlo,
  ResolvedSlo,
  SloIndicator,
} from './types';
import { durationSeconds } from './duration';
import { FieldProblem, isObject, Json, objectAt, stringAt } from './fields';
import { OPENSLO_RUNBOOK_ANNOTATION } from '@gogidix/portal-common';
import {
  promQuery,
  resolveIndicator,
  resolveTarget,
  resolveTimeWindow,
} from './sloParts';

const OPS = ['lt', 'lte', 'gt', 'gte'] as const;

function resolveSlo(
  doc: Json,
  slis: Map<string, Json>,
  source: string,
): ResolvedSlo[] {
  const metadata = objectAt(doc, 'metadata', 'metadata');
  const name = stringAt(metadata, 'name', 'metadata.name');
  const spec = objectAt(doc, 'spec', 'spec');
  const service = stringAt(spec, 'service', 'spec.service');

  let sli: Json;
  let sliPath: string;
  if (spec.indicatorRef !== undefined) {
    const ref = stringAt(spec, 'indicatorRef', 'spec.indicatorRef');
    const found = slis.get(ref);
    if (!found) {
      throw new FieldProblem(
        'spec.indicatorRef',
        `no SLI named "${ref}" in this document`,
      );
    }
    sli = found;
    sliPath = 'spec';
  } else {
    sli = objectAt(spec, 'indicator', 'spec.indicator');
    sliPath = 'spec.indicator.spec';
  }
  const sliMeta = isObject(sli.metadata) ? sli.metadata : {};
  const sliSpec = isObject(sli.spec) ? sli.spec : {};
  let indicatorKind: SloIndicator | 'threshold';
  try {
    indicatorKind = resolveIndicator(sliSpec, sliPath);
  } catch (error) {
    // The path then points into the referenced SLI document: say which.
    if (error instanceof FieldProblem && sliPath === 'spec') {
      throw new FieldProblem(
        error.path,
        `${error.message} (in SLI "${String(sliMeta.name)}")`,
      );
    }
    throw error;
  }

  const timeWindow = resolveTimeWindow(spec);
  const method = stringAt(spec, 'budgetingMethod', 'spec.budgetingMethod');
  if (method !== 'Occurrences' && method !== 'Timeslices') {
    throw new FieldProblem(
      'spec.budgetingMethod',
      `must be Occurrences or Timeslices, got "${method}"`,
    );
  }
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0) {
    throw new FieldProblem('spec.objectives', 'must be a non-empty list');
  }
  const annotations = isObject(metadata.annotations)
    ? metadata.annotations
    : {};
  const labels: Record<string, string> = {};
  if (isObject(metadata.labels)) {
    for (const [k, v] of Object.entries(metadata.labels)) {
      labels[k] = Array.isArray(v) ? v.join(',') : String(v);
    }
  }
  const alertPolicies = Array.isArray(spec.alertPolicies)
    ? spec.alertPolicies.map(p =>
        typeof p === 'string'
          ? p
          : String(
              (isObject(p) && isObject(p.metadata) && p.metadata.name) ||
                'inline',
            ),
      )
    : [];

  return objectives.map((raw, i): ResolvedSlo => {
    const path = `spec.objectives[${i}]`;
    if (!isObject(raw)) throw new FieldProblem(path, 'must be an object');
    const target = resolveTarget(raw, path);
    let indicator: SloIndicator;
    if (indicatorKind === 'threshold') {
      const op = raw.op;
      if (!OPS.includes(op as (typeof OPS)[number])) {
        throw new FieldProblem(
          `${path}.op`,
          'a threshold SLI needs op: lt, lte, gt or gte',
        );
      }
      if (typeof raw.value !== 'number') {
        throw new FieldProblem(
          `${path}.value`,
          'a threshold SLI needs a numeric value',
        );
      }
      indicator = {
        kind: 'threshold',
        query: promQuery(
          sliSpec.thresholdMetric,
          `${sliPath}.thresholdMetric`,
          false,
        ),
        op: op as (typeof OPS)[number],
        value: raw.value,
      };
    } else {
      indicator = indicatorKind;
    }
    let timeslice: ResolvedSlo['timeslice'];
    // A threshold SLI is judged per timeslice whatever the budgeting method:
    // a latency quantile has no event count to divide.
    if (method === 'Timeslices' || indicator.kind === 'threshold') {
      const window = raw.timeSliceWindow ?? '1m';
      const seconds =
        typeof window === 'string' ? durationSeconds(window) : undefined;
      if (seconds === undefined || seconds < 60 || seconds > 3600) {
        throw new FieldProblem(
          `${path}.timeSliceWindow`,
          'must be a duration from 1m to 1h, e.g. 1m or 5m',
        );
      }
      const sliceTarget = raw.timeSliceTarget;
      if (
        indicator.kind === 'ratio' &&
        (typeof sliceTarget !== 'number' ||
          !(sliceTarget > 0 && sliceTarget <= 1))
      ) {
        throw new FieldProblem(
          `${path}.timeSliceTarget`,
          'Timeslices with a ratio SLI need a timeSliceTarget between 0 and 1',
        );
      }
      timeslice = {
        window: window as string,
        ...(typeof sliceTarget === 'number' ? { target: sliceTarget } : {}),
      };
    }
    const objectiveName =
      objectives.length === 1
        ? name
        : `${name}-${String(raw.displayName ?? i)
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')}`;
    return {
      id: `${service}-${objectiveName}`,
      name: objectiveName,
      displayName: String(
        raw.displayName ?? metadata.displayName ?? objectiveName,
      ),
      ...(typeof spec.description === 'string'
        ? { description: spec.description }
        : {}),
      service,
      source,
      indicatorName: String(sliMeta.name ?? `${name}-sli`),
      indicator,
      target,
      timeWindow,
      budgetingMethod: method as BudgetingMethod,
      ...(timeslice ? { timeslice } : {}),
      runbook: String(
        annotations[OPENSLO_RUNBOOK_ANNOTATION] ?? `slo-${name}-burn`,
      ),
      alertPolicies,
      labels,
    };
  });
}

/**
 * Reads a multi-document OpenSLO v1 YAML text. SLIs are resolved by
 * `indicatorRef` within the same text or taken inline. Every problem is
 * reported with its field path and the SLOs that are fine are still returned,
 * so one typo does not hide a service's other SLOs.
 */
export function parseOpenSloDocuments(
  yamlText: string,
  source: string,
): ParsedOpenSlo {
  const problems: OpenSloProblem[] = [];
  const docs: Array<{ index: number; doc: Json }> = [];
  parseAllDocuments(yamlText).forEach((parsed, index) => {
    if (parsed.errors.length > 0) {
      problems.push({
        source,
        path: `document ${index + 1}`,
        message: parsed.errors[0].message,
      });
      return;
    }
    const doc = parsed.toJS();
    if (doc === null || doc === undefined) return;
    if (!isObject(doc)) {
      problems.push({
        source,
        path: `document ${index + 1}`,
        message: 'is not a mapping',
      });
      return;
    }
    if (doc.apiVersion !== 'openslo/v1') {
      problems.push({
        source,
        path: 'apiVersion',
        message: `document ${
          index + 1
        }: expected openslo/v1, got ${JSON.stringify(doc.apiVersion)}`,
      });
      return;
    }
    docs.push({ index, doc });
  });

  const slis = new Map<string, Json>();
  for (const { doc } of docs) {
    if (
      doc.kind === 'SLI' &&
      isObject(doc.metadata) &&
      typeof doc.metadata.name === 'string'
    ) {
      slis.set(doc.metadata.name, doc);
    }
  }
  const slos: ResolvedSlo[] = [];
  const seen = new Set<string>();
  for (const { index, doc } of docs) {
    if (doc.kind !== 'SLO') continue;
    const label = `SLO ${
      isObject(doc.metadata) && doc.metadata.name
        ? doc.metadata.name
        : `document ${index + 1}`
    }`;
    try {
      for (const slo of resolveSlo(doc, slis, source)) {
        if (seen.has(slo.id)) {
          throw new FieldProblem(
            'metadata.name',
            `"${slo.name}" is defined twice for ${slo.service}`,
          );
        }
        seen.add(slo.id);
        slos.push(slo);
      }
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      problems.push({
        source,
        path: error.path,
        message: `${label}: ${error.message}`,
      });
    }
  }
  if (docs.length > 0 && slos.length === 0 && problems.length === 0) {
    problems.push({ source, path: 'kind', message: 'the document has no SLO' });
  }
  return { slos, problems };
}
