import { parseAllDocuments } from 'yaml';
import {
  BudgetingMethod,
  OpenSloProblem,
  ParsedOpenSlo,
  ResolvedSlo,
  SloIndicator,
  UnqueryableSlo,
} from './types';
import {
  FieldProblem,
  isObject,
  Json,
  objectAt,
  stringAt,
  UnsupportedDataSource,
} from './fields';
import {
  OPENSLO_DEPLOY_POLICY_ANNOTATION,
  OPENSLO_RUNBOOK_ANNOTATION,
} from '@gogidix/portal-common';
import {
  DataSources,
  PendingThreshold,
  resolveIndicator,
  resolveTarget,
  resolveTimeslice,
  resolveTimeWindow,
} from './sloParts';
import { AlertDocuments, resolveAlertPolicies } from './alertPolicies';

const OPS = ['lt', 'lte', 'gt', 'gte'] as const;
const METHODS: BudgetingMethod[] = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
];
const KINDS = [
  'SLO',
  'SLI',
  'DataSource',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'Service',
];

interface Documents extends AlertDocuments {
  slis: Map<string, Json>;
  dataSources: DataSources;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function labelsOf(metadata: Json): Record<string, string> {
  const labels: Record<string, string> = {};
  if (isObject(metadata.labels)) {
    for (const [k, v] of Object.entries(metadata.labels)) {
      labels[k] = Array.isArray(v) ? v.join(',') : String(v);
    }
  }
  return labels;
}

/** The SLI spec of an SLO and the path prefix its problems are reported under. */
function sliOf(spec: Json, docs: Documents) {
  if (spec.indicatorRef !== undefined && spec.indicator !== undefined) {
    throw new FieldProblem(
      'spec.indicatorRef',
      'cannot be used together with spec.indicator; keep one',
    );
  }
  if (spec.indicatorRef !== undefined) {
    const ref = stringAt(spec, 'indicatorRef', 'spec.indicatorRef');
    const found = docs.slis.get(ref);
    if (!found) {
      throw new FieldProblem(
        'spec.indicatorRef',
        `no SLI named "${ref}" in this document`,
      );
    }
    return { sli: found, path: 'spec', ref };
  }
  if (spec.indicator === undefined) {
    throw new FieldProblem(
      'spec.indicator',
      'is required (or spec.indicatorRef naming an SLI document)',
    );
  }
  const sli = objectAt(spec, 'indicator', 'spec.indicator');
  return { sli, path: 'spec.indicator.spec', ref: undefined };
}

function thresholdFor(
  pending: PendingThreshold,
  objective: Json,
  path: string,
): SloIndicator {
  const op = objective.op;
  if (!OPS.includes(op as (typeof OPS)[number])) {
    throw new FieldProblem(
      `${path}.op`,
      'a thresholdMetric SLI needs op: lt, lte, gt or gte',
    );
  }
  if (typeof objective.value !== 'number') {
    throw new FieldProblem(
      `${path}.value`,
      'a thresholdMetric SLI needs a numeric value',
    );
  }
  return {
    kind: 'threshold',
    query: pending.query,
    op: op as (typeof OPS)[number],
    value: objective.value,
    form: pending.form,
  };
}

function resolveSlo(doc: Json, docs: Documents, source: string): ResolvedSlo[] {
  const metadata = objectAt(doc, 'metadata', 'metadata');
  const name = stringAt(metadata, 'name', 'metadata.name');
  const spec = objectAt(doc, 'spec', 'spec');
  const service = stringAt(spec, 'service', 'spec.service');
  const { sli, path: sliPath, ref } = sliOf(spec, docs);
  const sliMeta = isObject(sli.metadata) ? sli.metadata : {};
  const sliSpec = isObject(sli.spec) ? sli.spec : {};

  let indicator: SloIndicator | PendingThreshold;
  try {
    indicator = resolveIndicator(sliSpec, sliPath, docs.dataSources);
  } catch (error) {
    // The path then points into the referenced SLI document: say which.
    if (error instanceof FieldProblem && ref !== undefined) {
      throw new FieldProblem(error.path, `${error.message} (in SLI "${ref}")`);
    }
    throw error;
  }

  const timeWindow = resolveTimeWindow(spec);
  const method = stringAt(spec, 'budgetingMethod', 'spec.budgetingMethod');
  if (!METHODS.includes(method as BudgetingMethod)) {
    throw new FieldProblem(
      'spec.budgetingMethod',
      `must be Occurrences, Timeslices or RatioTimeslices, got "${method}"`,
    );
  }
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0) {
    throw new FieldProblem('spec.objectives', 'must be a non-empty list');
  }
  const annotations = isObject(metadata.annotations)
    ? metadata.annotations
    : {};
  const policies = resolveAlertPolicies(spec.alertPolicies, docs);

  return objectives.map((raw, i): ResolvedSlo => {
    const path = `spec.objectives[${i}]`;
    if (!isObject(raw)) throw new FieldProblem(path, 'must be an object');
    if (raw.indicator !== undefined || raw.indicatorRef !== undefined) {
      throw new FieldProblem(
        `${path}.indicator`,
        'composite SLOs (an indicator per objective) are not supported; write one SLO per indicator',
      );
    }
    const target = resolveTarget(raw, path);
    const resolved =
      indicator.kind === 'threshold-pending'
        ? thresholdFor(indicator, raw, path)
        : indicator;
    const timeslice = resolveTimeslice(
      raw,
      path,
      method as BudgetingMethod,
      resolved,
    );
    const objectiveLabel = raw.name ?? raw.displayName;
    const objectiveName =
      objectives.length === 1
        ? name
        : `${name}-${
            typeof objectiveLabel === 'string' && slug(objectiveLabel)
              ? slug(objectiveLabel)
              : String(i)
          }`;
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
      indicator: resolved,
      target,
      timeWindow,
      budgetingMethod: method as BudgetingMethod,
      ...(timeslice ? { timeslice } : {}),
      runbook: String(
        annotations[OPENSLO_RUNBOOK_ANNOTATION] ?? `slo-${name}-burn`,
      ),
      alertPolicies: policies.map(p => p.name),
      ...(policies.length > 0 ? { alertPolicyDetails: policies } : {}),
      labels: labelsOf(metadata),
      ...(typeof annotations[OPENSLO_DEPLOY_POLICY_ANNOTATION] === 'string'
        ? { deployPolicy: annotations[OPENSLO_DEPLOY_POLICY_ANNOTATION] }
        : {}),
    };
  });
}

/** Each YAML document, or each item of a document that is a top-level list. */
function readDocuments(yamlText: string, source: string) {
  const problems: OpenSloProblem[] = [];
  const docs: Array<{ label: string; doc: Json }> = [];
  parseAllDocuments(yamlText).forEach((parsed, index) => {
    const label = `document ${index + 1}`;
    if (parsed.errors.length > 0) {
      problems.push({ source, path: label, message: parsed.errors[0].message });
      return;
    }
    const value = parsed.toJS();
    if (value === null || value === undefined) return;
    const items: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, i) => [`${label}[${i}]`, item])
      : [[label, value]];
    for (const [itemLabel, item] of items) {
      if (!isObject(item)) {
        problems.push({ source, path: itemLabel, message: 'is not a mapping' });
        continue;
      }
      if (item.apiVersion !== 'openslo/v1') {
        problems.push({
          source,
          path: 'apiVersion',
          message: `${itemLabel}: expected openslo/v1, got ${JSON.stringify(
            item.apiVersion,
          )}`,
        });
        continue;
      }
      if (!KINDS.includes(String(item.kind))) {
        problems.push({
          source,
          path: 'kind',
          message: `${itemLabel}: ${JSON.stringify(
            item.kind,
          )} is not an OpenSLO v1 kind (${KINDS.join(', ')})`,
        });
        continue;
      }
      docs.push({ label: itemLabel, doc: item });
    }
  });
  return { docs, problems };
}

function byName(docs: Array<{ doc: Json }>, kind: string): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const { doc } of docs) {
    if (
      doc.kind === kind &&
      isObject(doc.metadata) &&
      typeof doc.metadata.name === 'string'
    ) {
      found.set(doc.metadata.name, doc);
    }
  }
  return found;
}

/**
 * Reads OpenSLO v1 YAML: `---`-separated documents or a top-level list of
 * them. SLIs, DataSources, AlertPolicies and AlertConditions are resolved by
 * name within the same text. Every problem is reported with its field path
 * and the SLOs that are fine are still returned, so one typo does not hide a
 * service's other SLOs; an SLO on a data source other than Prometheus is
 * reported as unqueryable without affecting the others.
 */
export function parseOpenSloDocuments(
  yamlText: string,
  source: string,
): ParsedOpenSlo {
  const { docs, problems } = readDocuments(yamlText, source);
  const documents: Documents = {
    slis: byName(docs, 'SLI'),
    dataSources: byName(docs, 'DataSource'),
    policies: byName(docs, 'AlertPolicy'),
    conditions: byName(docs, 'AlertCondition'),
  };
  const slos: ResolvedSlo[] = [];
  const unqueryable: UnqueryableSlo[] = [];
  const seen = new Set<string>();
  for (const { label, doc } of docs) {
    if (doc.kind !== 'SLO') continue;
    const metadata = isObject(doc.metadata) ? doc.metadata : {};
    const spec = isObject(doc.spec) ? doc.spec : {};
    const sloLabel = `SLO ${metadata.name ? String(metadata.name) : label}`;
    const ofService =
      typeof spec.service === 'string' ? { service: spec.service } : {};
    try {
      for (const slo of resolveSlo(doc, documents, source)) {
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
      if (error instanceof UnsupportedDataSource) {
        const name = String(metadata.name);
        const service = String(spec.service);
        unqueryable.push({
          id: `${service}-${name}`,
          name,
          displayName: String(metadata.displayName ?? name),
          service,
          source,
          dataSourceType: error.dataSourceType,
          path: error.path,
          reason: error.message,
        });
        problems.push({
          source,
          path: error.path,
          message: `${sloLabel}: ${error.message}`,
          ...ofService,
        });
        continue;
      }
      if (!(error instanceof FieldProblem)) throw error;
      problems.push({
        source,
        path: error.path,
        message: `${sloLabel}: ${error.message}`,
        ...ofService,
      });
    }
  }
  if (docs.length > 0 && slos.length === 0 && problems.length === 0) {
    problems.push({ source, path: 'kind', message: 'the document has no SLO' });
  }
  return { slos, problems, unqueryable };
}
