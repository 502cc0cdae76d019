import { SloAlertPolicy } from './types';
import { isObject, Json } from './fields';

/*
 * AlertPolicy and AlertCondition documents, inline or by reference. The
 * portal's alerts are the Sloth burn-rate pair, so a policy is kept for its
 * name and conditions (shown, not enforced) and never makes an SLO fail.
 */

export interface AlertDocuments {
  policies: Map<string, Json>;
  conditions: Map<string, Json>;
}

const nameOf = (doc: Json): string | undefined =>
  isObject(doc.metadata) && typeof doc.metadata.name === 'string'
    ? doc.metadata.name
    : undefined;

const numberOrUndefined = (value: unknown) =>
  typeof value === 'number' ? value : undefined;
const stringOrUndefined = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

function condition(entry: unknown, docs: AlertDocuments) {
  let doc = isObject(entry) ? entry : {};
  if (typeof doc.conditionRef === 'string') {
    doc = docs.conditions.get(doc.conditionRef) ?? {
      metadata: { name: doc.conditionRef },
    };
  }
  const spec = isObject(doc.spec) ? doc.spec : {};
  const cond = isObject(spec.condition) ? spec.condition : {};
  return {
    name: nameOf(doc),
    severity: stringOrUndefined(spec.severity),
    kind: stringOrUndefined(cond.kind),
    threshold: numberOrUndefined(cond.threshold),
    lookbackWindow: stringOrUndefined(cond.lookbackWindow),
    alertAfter: stringOrUndefined(cond.alertAfter),
  };
}

/** The SLO's `alertPolicies`: names (`alertPolicyRef`, an inline policy's name, or a bare string). */
export function resolveAlertPolicies(
  entries: unknown,
  docs: AlertDocuments,
): SloAlertPolicy[] {
  if (!Array.isArray(entries)) return [];
  return entries.map((entry, i): SloAlertPolicy => {
    let doc: Json | undefined;
    let name: string;
    if (typeof entry === 'string') {
      name = entry;
      doc = docs.policies.get(entry);
    } else if (isObject(entry) && typeof entry.alertPolicyRef === 'string') {
      name = entry.alertPolicyRef;
      doc = docs.policies.get(name);
    } else if (isObject(entry)) {
      doc = entry;
      name = nameOf(entry) ?? `inline-${i}`;
    } else {
      name = `inline-${i}`;
    }
    const spec = doc && isObject(doc.spec) ? doc.spec : {};
    const conditions = Array.isArray(spec.conditions)
      ? spec.conditions.map(c => condition(c, docs))
      : [];
    return { name, conditions };
  });
}
