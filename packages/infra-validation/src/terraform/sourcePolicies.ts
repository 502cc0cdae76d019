import { fieldPath } from '../fieldPath';
import { ValidationProblem } from '../types';
import {
  HclBody,
  HclValue,
  TerraformModule,
  blocks,
  isObject,
  objectAt,
} from './terraformModule';

/** Providers built into Terraform itself, which need no version pin. */
const BUILT_IN_PROVIDERS = new Set(['terraform']);

/**
 * Provider versions are pinned when every constraint is bounded above:
 * an exact version, a pessimistic `~>`, or a range with `<` / `<=`.
 */
export function isPinnedConstraint(constraint: HclValue | undefined): boolean {
  if (typeof constraint !== 'string' || constraint.includes('${')) return false;
  const parts = constraint
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  if (!parts.length) return false;
  const exact = parts.some(p => /^=?\s*v?\d+\.\d+\.\d+$/.test(p));
  const pessimistic = parts.some(p => /^~>\s*\d+\.\d+(\.\d+)?$/.test(p));
  const upper = parts.some(p => /^<=?\s*\d+(\.\d+){0,2}$/.test(p));
  return exact || pessimistic || upper;
}

/** A git ref is pinned when it is a release tag or a full commit SHA. */
function isPinnedRef(ref: string | null): boolean {
  return !!ref && (/^v?\d+\.\d+\.\d+$/.test(ref) || /^[0-9a-f]{40}$/.test(ref));
}

export function checkProviderVersions(
  module: TerraformModule,
): ValidationProblem[] {
  const tfFiles = module.files.filter(f => f.path.endsWith('.tf'));
  if (!tfFiles.length) return [];
  const required = new Map<
    string,
    { file: string; version: HclValue | undefined }
  >();
  for (const { file, body } of module.unnamedBlocks('terraform')) {
    for (const providers of blocks(body.required_providers)) {
      for (const [name, spec] of Object.entries(providers)) {
        required.set(name, {
          file,
          version: isObject(spec) ? spec.version : spec,
        });
      }
    }
  }
  const used = new Map<string, string>();
  for (const f of tfFiles) {
    for (const kind of ['resource', 'data']) {
      for (const type of Object.keys(objectAt(f.body[kind]))) {
        const provider = type.split('_')[0];
        if (!BUILT_IN_PROVIDERS.has(provider) && !used.has(provider))
          used.set(provider, f.path);
      }
    }
    for (const provider of Object.keys(objectAt(f.body.provider))) {
      if (!used.has(provider)) used.set(provider, f.path);
    }
  }
  const problems: ValidationProblem[] = [];
  for (const [provider, file] of used) {
    if (!required.has(provider)) {
      problems.push({
        file,
        object: `provider.${provider}`,
        field: `terraform.required_providers.${provider}`,
        rule: 'pinned-provider-version',
        message: `Provider ${provider} is used but not in terraform.required_providers: add it with a source and a pinned version (e.g. "~> 5.70").`,
      });
    }
  }
  for (const [provider, { file, version }] of required) {
    if (!isPinnedConstraint(version)) {
      problems.push({
        file,
        object: `provider.${provider}`,
        field: `terraform.required_providers.${provider}.version`,
        rule: 'pinned-provider-version',
        message: `Provider ${provider} has version ${JSON.stringify(
          version ?? null,
        )}, which lets any future release in: pin it with "~> X.Y" or an exact version.`,
      });
    }
  }
  return problems;
}

/**
 * Module sources: local paths are fine (they move with the commit); git
 * sources need `?ref=` a release tag or commit; registry sources need a
 * pinned `version` (or `?version=` in a Terragrunt `tfr://` source).
 */
export function checkModuleSources(
  module: TerraformModule,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const { file, name, body } of module.namedBlocks('module')) {
    const problem = sourceProblem(body.source, body.version);
    if (problem) {
      problems.push({
        file,
        object: `module.${name}`,
        field: 'source',
        rule: 'pinned-module-source',
        message: problem,
      });
    }
  }
  for (const { file, body } of module.unnamedBlocks('terraform')) {
    if (!file.endsWith('.hcl')) continue;
    if (body.source === undefined) continue;
    const problem = sourceProblem(body.source, undefined);
    if (problem) {
      problems.push({
        file,
        object: 'terraform',
        field: 'source',
        rule: 'pinned-module-source',
        message: problem,
      });
    }
  }
  return problems;
}

function sourceProblem(
  source: HclValue | undefined,
  version: HclValue | undefined,
): string | undefined {
  if (typeof source !== 'string' || !source) {
    return 'The module has no source: set it to a local path, a git URL with ?ref=vX.Y.Z, or a registry address with a pinned version.';
  }
  if (/^(\.{1,2}\/|\/|\$\{)/.test(source)) return undefined;
  const query = new URLSearchParams(
    source.includes('?') ? source.slice(source.indexOf('?') + 1) : '',
  );
  if (source.startsWith('tfr://')) {
    return isPinnedConstraint(query.get('version'))
      ? undefined
      : `${source} has no pinned ?version=: add ?version=X.Y.Z.`;
  }
  if (/^(git::|git@|github\.com\/|bitbucket\.org\/)/.test(source)) {
    return isPinnedRef(query.get('ref'))
      ? undefined
      : `${source} follows a moving branch: pin it with ?ref=vX.Y.Z (a release tag) or a full commit SHA.`;
  }
  if (/^([\w.-]+\/)?[\w-]+\/[\w-]+\/[\w-]+(\/\/.*)?$/.test(source)) {
    return isPinnedConstraint(version)
      ? undefined
      : `Registry module ${source} has version ${JSON.stringify(
          version ?? null,
        )}: set version to an exact release or "~> X.Y.Z".`;
  }
  return `${source} is neither a local path, a git URL nor a registry module: use one of those, pinned.`;
}

/** Attribute names that hold a credential, and the suffixes that only name one. */
const SECRET_NAME =
  /(^|_)(password|passwd|secret|token|api_key|apikey|private_key|access_key|secret_key|credentials?)($|_)/i;
const NOT_A_SECRET =
  /_(arn|id|ids|name|names|path|length|version|versions|ttl|kms_key_id|enabled|rotation_days|policy)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_SECRET.test(name);
}

/**
 * Credentials written as literals end up in git and in the state file's
 * plain text; they must come from a variable, a secret store or a generator.
 */
export function checkHardCodedSecrets(
  module: TerraformModule,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const file of module.files) {
    for (const [kind, value] of Object.entries(file.body)) {
      if (isSecretName(kind) && isLiteral(value)) {
        problems.push({
          file: file.path,
          object: kind,
          rule: 'no-hardcoded-secret',
          message: `${kind} holds a literal credential: pass it from a secret store or the environment instead.`,
        });
        continue;
      }
      if (kind === 'variable' || kind === 'output') {
        for (const [name, bodies] of Object.entries(objectAt(value))) {
          for (const body of blocks(bodies)) {
            if (
              kind === 'variable' &&
              isSecretName(name) &&
              isLiteral(body.default)
            ) {
              problems.push({
                file: file.path,
                object: `var.${name}`,
                field: 'default',
                rule: 'no-hardcoded-secret',
                message: `Variable ${name} has a literal default: remove the default and pass it from a secret store (e.g. AWS Secrets Manager) at plan time.`,
              });
            }
          }
        }
        continue;
      }
      walk(value, [], (field, literal) => {
        const { object, rest } = objectName(kind, field);
        problems.push({
          file: file.path,
          object,
          field: rest || undefined,
          rule: 'no-hardcoded-secret',
          message: `${literal} holds a literal credential: read it from a secret store (e.g. manage_master_user_password, aws_secretsmanager_secret_version, or get_env() in Terragrunt) instead.`,
        });
      });
    }
  }
  return problems;
}

function walk(
  value: HclValue,
  field: string[],
  found: (field: string[], name: string) => void,
) {
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      walk(item, [...field, String(index)], found),
    );
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value as HclBody)) {
      if (isSecretName(key) && isLiteral(child)) {
        found([...field, key], key);
      } else {
        walk(child, [...field, key], found);
      }
    }
  }
}

function isLiteral(value: HclValue | undefined): boolean {
  return (
    typeof value === 'string' && value.trim() !== '' && !value.includes('${')
  );
}

/**
 * `resource` + [aws_db_instance, portal, 0, password] → the object
 * `aws_db_instance.portal` and its field `password` (the block index that
 * hcl2json puts first is not part of the field).
 */
function objectName(
  kind: string,
  field: string[],
): { object: string; rest: string } {
  const withoutBlockIndex = (segments: string[]) =>
    fieldPath(/^\d+$/.test(segments[0] ?? '') ? segments.slice(1) : segments);
  const [first, second, ...tail] = field;
  if (kind === 'resource') {
    return { object: `${first}.${second}`, rest: withoutBlockIndex(tail) };
  }
  if (kind === 'data') {
    return { object: `data.${first}.${second}`, rest: withoutBlockIndex(tail) };
  }
  if (kind === 'module' || kind === 'provider') {
    return {
      object: `${kind}.${first}`,
      rest: withoutBlockIndex(field.slice(1)),
    };
  }
  return { object: kind, rest: withoutBlockIndex(field) };
}
