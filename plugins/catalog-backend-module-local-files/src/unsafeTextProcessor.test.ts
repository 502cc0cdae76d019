import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { UnsafeTextProcessor } from './unsafeTextProcessor';

const location = { type: 'file', target: '/srv/catalog/catalog-info.yaml' };

function user(fields: {
  title?: string;
  description?: string;
  displayName?: string;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'jane.doe',
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.description !== undefined
        ? { description: fields.description }
        : {}),
    },
    spec: {
      profile: { displayName: fields.displayName, email: 'jane@x.test' },
      memberOf: [],
    },
  };
}

/** The error messages the processor emits for the entity. */
async function errorsFor(entity: Entity): Promise<string[]> {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new UnsafeTextProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  expect(result).toBe(entity);
  return emitted.map(r => (r.type === 'error' ? r.error.message : r.type));
}

describe('UnsafeTextProcessor', () => {
  it.each([
    ['plain names', { title: 'Jane Doe', displayName: 'Jane Doe' }],
    ['other scripts', { title: 'Fotos für Inserate, שלום, 写真' }],
    [
      'a multi-line description',
      { description: 'Stores photos.\n\tResizes them.\n' },
    ],
    ['no names at all', {}],
  ])('accepts %s', async (_, fields) => {
    expect(await errorsFor(user(fields))).toEqual([]);
  });

  it.each([
    ['metadata.title', 'U+202E', { title: 'admin\u202etxt.exe' }],
    ['metadata.description', 'U+0000', { description: 'photos\u0000' }],
    ['metadata.description', 'U+000D', { description: 'a\r\nb' }],
    ['metadata.title', 'U+001B', { title: '\u001b[31mred' }],
    ['spec.profile.displayName', 'U+2067', { displayName: 'x\u2067y' }],
    ['spec.profile.displayName', 'U+061C', { displayName: 'x\u061c' }],
    ['metadata.title', 'U+009B', { title: 'a\u009b' }],
  ])('refuses %s holding %s, naming both', async (field, code, fields) => {
    expect(await errorsFor(user(fields))).toEqual([
      `${field} contains the control or bidirectional formatting character ${code}; remove it`,
    ]);
  });

  it('names every field that holds one, and no server path', async () => {
    const errors = await errorsFor(
      user({ title: 'a\u200e', description: 'ok', displayName: 'b\u200f' }),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^metadata\.title .* U\+200E;/),
      expect.stringMatching(/^spec\.profile\.displayName .* U\+200F;/),
    ]);
    expect(errors.join()).not.toContain('/srv/catalog');
  });
});
