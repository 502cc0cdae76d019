import { NotAllowedError } from '@backstage/errors';
import {
  ownerNameOf,
  vaultPathVerdict,
  VaultSecretList,
} from '@gogidix/plugin-oncall-common';
import {
  VAULT_SECRETS_ENGINE_ANNOTATION,
  VAULT_SECRETS_PATH_ANNOTATION,
} from '@gogidix/portal-common';
import { CONFIG_KEYS } from '../../config';
import { annotationKey, EntityAccess, notConfigured } from '../entityAccess';
import { VaultClient } from '../VaultClient';
import { OnCallRouter } from './types';

/** The secret names (never values) under an entity's Vault paths. */
export function addVaultRoutes(
  router: OnCallRouter,
  { access, vault }: { access: EntityAccess; vault?: VaultClient },
) {
  router.get('/entities/:kind/:namespace/:name/vault', async (req, res) => {
    const entity = await access.entityFor(req, req.params);
    const annotations = entity.metadata.annotations ?? {};
    const paths = (annotations[VAULT_SECRETS_PATH_ANNOTATION] ?? '')
      .split(',')
      .map(p => p.trim())
      .filter(Boolean);
    if (paths.length === 0) {
      res.json(notConfigured(annotationKey(VAULT_SECRETS_PATH_ANNOTATION)));
      return;
    }
    if (!vault) {
      res.json(notConfigured(CONFIG_KEYS.vault));
      return;
    }
    const mount =
      annotations[VAULT_SECRETS_ENGINE_ANNOTATION]?.trim() ||
      vault.defaultMount;
    // Team prefixes are in the configured mount; another mount has none.
    if (mount !== vault.defaultMount) {
      throw new NotAllowedError(
        `${VAULT_SECRETS_ENGINE_ANNOTATION} may only name the ${vault.defaultMount} mount; remove the annotation`,
      );
    }
    const team = ownerNameOf(entity);
    for (const path of paths) {
      const verdict = vaultPathVerdict(path, {
        team,
        prefixTemplate: vault.teamPathPrefix,
      });
      if (verdict.status === 'refused') {
        throw new NotAllowedError(verdict.reason);
      }
    }
    const body: VaultSecretList = {
      status: 'ok',
      mount,
      paths: await Promise.all(
        paths.map(async path => ({
          path,
          secrets: await vault.listSecretNames(path, mount),
        })),
      ),
    };
    res.json(body);
  });
}
