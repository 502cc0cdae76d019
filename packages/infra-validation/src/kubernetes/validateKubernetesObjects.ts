import { fieldPath } from '../fieldPath';
import { RenderedManifest, ValidationProblem } from '../types';

/**
 * The packages whose models we validate against, tried in this order for an
 * apiVersion. Each exposes one module per apiVersion (`apps/v1`,
 * `security.istio.io/v1beta1`), exporting a class per kind.
 */
const MODEL_PACKAGES = [
  'kubernetes-models',
  '@kubernetes-models/istio',
  '@kubernetes-models/prometheus-operator',
  '@kubernetes-models/cert-manager',
];

/** A kubernetes-models class: built from an object, throws on validate(). */
type ModelClass = (new (data: Record<string, unknown>) => {
  validate(): void;
}) & { apiVersion: string };

/** What `@kubernetes-models/validate` puts on its ValidationError (ajv errors). */
interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * Istio 1.22 promoted these kinds to v1 with the same schemas as v1beta1
 * (Istio's 1.23 upgrade notes: "identical except in the package they reside
 * in"). The bundled @kubernetes-models/istio 2.x predates v1 for most kinds
 * (3.x is ESM-only), so a v1 kind it lacks is validated with the v1beta1
 * schema of the same kind, under its own apiVersion. Only the promoted
 * kinds: ProxyConfig, say, is served at v1beta1 alone, and a v1 one would
 * be refused by the cluster.
 */
const SAME_SCHEMA_AS: Record<string, { version: string; kinds: string[] }> = {
  'networking.istio.io/v1': {
    version: 'networking.istio.io/v1beta1',
    kinds: [
      'DestinationRule',
      'Gateway',
      'ServiceEntry',
      'Sidecar',
      'VirtualService',
      'WorkloadEntry',
      'WorkloadGroup',
    ],
  },
  'security.istio.io/v1': {
    version: 'security.istio.io/v1beta1',
    kinds: [
      'AuthorizationPolicy',
      'PeerAuthentication',
      'RequestAuthentication',
    ],
  },
};

const APIVERSION =
  /^(?:[a-z0-9]([a-z0-9.-]*[a-z0-9])?\/)?v\d+(?:(?:alpha|beta)\d+)?$/;
const modules = new Map<string, Record<string, unknown> | undefined>();

/**
 * Validates every rendered object against the schema of its apiVersion and
 * kind. An object whose apiVersion/kind no model knows is a problem too: a
 * typo there would otherwise be rejected only by the cluster at deploy time.
 */
export function validateKubernetesObjects(
  manifests: RenderedManifest[],
): ValidationProblem[] {
  return manifests.flatMap(manifest => validateOne(manifest));
}

function validateOne({
  source,
  object,
}: RenderedManifest): ValidationProblem[] {
  const apiVersion = object.apiVersion;
  const kind = object.kind;
  const metadata = object.metadata as { name?: unknown } | undefined;
  const name = typeof metadata?.name === 'string' ? metadata.name : undefined;
  const label = `${typeof kind === 'string' ? kind : '<no kind>'}/${
    name ?? '<no name>'
  }`;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return [
      {
        file: source,
        object: label,
        field: typeof apiVersion !== 'string' ? 'apiVersion' : 'kind',
        rule: 'unknown-kind',
        message:
          'Every Kubernetes object needs a string apiVersion and kind; add them to the template.',
      },
    ];
  }
  const Model = modelFor(apiVersion, kind);
  if (!Model) {
    return [
      {
        file: source,
        object: label,
        field: 'apiVersion',
        rule: 'unknown-kind',
        message: `No schema knows kind ${kind} in apiVersion ${apiVersion}: check both for typos, or add the @kubernetes-models package that models it to @gogidix/infra-validation.`,
      },
    ];
  }
  const problems: ValidationProblem[] = [];
  if (!name) {
    problems.push({
      file: source,
      object: label,
      field: 'metadata.name',
      rule: 'schema',
      message: `${kind} has no metadata.name: give it a name (usually from the release's fullname helper).`,
    });
  }
  try {
    new Model({ ...object, apiVersion: Model.apiVersion }).validate();
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(errors)) {
      throw error;
    }
    for (const schemaError of errors) {
      problems.push(
        describe(source, label, `${kind} ${apiVersion}`, object, schemaError),
      );
    }
  }
  return problems;
}

/** Loads the model class for apiVersion + kind, or undefined when none exists. */
function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  if (!APIVERSION.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return undefined;
  }
  const promoted = SAME_SCHEMA_AS[apiVersion];
  const sameSchema = promoted?.kinds.includes(kind) ? promoted.version : '';
  for (const version of [apiVersion, sameSchema]) {
    for (const pkg of version ? MODEL_PACKAGES : []) {
      const exported = loadModule(`${pkg}/${version}`)?.[kind];
      if (typeof exported === 'function') {
        return exported as ModelClass;
      }
    }
  }
  return undefined;
}

function loadModule(id: string): Record<string, unknown> | undefined {
  if (!modules.has(id)) {
    try {
      // Loaded on demand by apiVersion: the packages hold hundreds of
      // group/version modules and a chart uses a handful of them.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      modules.set(id, require(id));
    } catch {
      modules.set(id, undefined);
    }
  }
  return modules.get(id);
}

function describe(
  file: string,
  object: string,
  schema: string,
  data: Record<string, unknown>,
  error: SchemaError,
): ValidationProblem {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') {
    segments.push(String(error.params.missingProperty));
  }
  const field = fieldPath(segments) || undefined;
  const where = field ?? 'the object';
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `${where} is required by the ${schema} schema: add it.`;
      break;
    case 'type':
      message = `${where} must be of type ${
        error.params.type
      }, but is ${JSON.stringify(valueAt(data, segments))}: change it to a ${
        error.params.type
      }.`;
      break;
    case 'enum':
      message = `${where} must be one of ${JSON.stringify(
        error.params.allowedValues,
      )}, but is ${JSON.stringify(valueAt(data, segments))}.`;
      break;
    default:
      message = `${where} ${
        error.message ?? 'is invalid'
      } (${schema} schema): fix its value.`;
  }
  return { file, object, field, rule: 'schema', message };
}

function valueAt(data: unknown, segments: string[]): unknown {
  return segments.reduce<unknown>(
    (value, segment) =>
      value && typeof value === 'object'
        ? (value as Record<string, unknown>)[segment]
        : undefined,
    data,
  );
}
