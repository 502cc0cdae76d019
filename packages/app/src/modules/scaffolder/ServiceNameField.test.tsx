import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ReviewNamesField } from './ReviewNamesField';
import { ServiceNameInput, validateServiceName } from './ServiceNameField';

/**
 * The first page of every service template, as the templates ship it; the
 * owner and system pickers (Backstage's, not under test) as plain text.
 */
const servicePage = parse(
  fs.readFileSync(
    path.join(__dirname, '../../../../../templates/_shared/page-service.yaml'),
    'utf8',
  ),
);
for (const key of ['owner', 'system']) {
  delete servicePage.properties[key]['ui:field'];
  delete servicePage.properties[key]['ui:options'];
}

const catalog: Record<string, Entity> = {
  'component:default/listing-photos': {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'listing-photos' },
  },
  'group:default/listings': {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'listings' },
    spec: { type: 'team', profile: { displayName: 'Listings team' } },
  },
  'system:default/property-marketplace': {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'property-marketplace', title: 'Property marketplace' },
  },
};
const catalogApi = {
  getEntityByRef: jest.fn(
    async (ref: string): Promise<Entity | undefined> => catalog[ref],
  ),
};

async function renderForm() {
  await renderInTestApp(
    <Stepper
      manifest={{
        title: 'TypeScript HTTP service',
        steps: [{ title: servicePage.title, schema: servicePage }],
      }}
      extensions={[
        {
          name: 'ServiceName',
          component: ServiceNameInput,
          validation: validateServiceName,
        },
        { name: 'ReviewNames', component: ReviewNamesField },
      ]}
      onCreate={jest.fn()}
    />,
    { apis: [[catalogApiRef, catalogApi]] },
  );
}

const nameInput = () => screen.getByRole('textbox', { name: /^Name/ });

async function fill(name: string) {
  await userEvent.clear(nameInput());
  await userEvent.type(nameInput(), name);
}

describe('the service page of the create form', () => {
  jest.setTimeout(60_000);

  beforeEach(async () => {
    await renderForm();
    await userEvent.type(
      screen.getByRole('textbox', { name: /^Description/ }),
      'Stores and resizes the photos of listings.',
    );
    // As the owner picker does: the whole ref at once.
    await userEvent.click(screen.getByRole('textbox', { name: /^Owner/ }));
    await userEvent.paste('group:default/listings');
  });

  it('says what a name may be in a sentence, never as a pattern', async () => {
    await fill('Listing_Photos');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          /Use lowercase letters, digits and hyphens; start with a letter; end with a letter or digit; 3–63 characters/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/must match pattern/)).toBeNull();
    expect(screen.queryByText(/\^\[a-z\]/)).toBeNull();
  });

  it('says a name is taken as it is typed, and clears it once the name changes', async () => {
    await fill('listing-photos');
    expect(
      await screen.findByText(
        'component:default/listing-photos is already in the catalog: choose another name.',
      ),
    ).toBeInTheDocument();

    await fill('listing-photos-v2');
    await waitFor(() =>
      expect(
        screen.queryByText(/listing-photos is already in the catalog/),
      ).toBeNull(),
    );
    expect(nameInput()).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('blocks Next on a taken name, and drops that error from the field once the name changes', async () => {
    await fill('listing-photos');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await waitFor(() =>
      expect(
        screen.getAllByText(/listing-photos is already in the catalog/).length,
      ).toBeGreaterThan(0),
    );
    await fill('listing-photos-v2');
    await waitFor(() =>
      expect(nameInput()).not.toHaveAttribute('aria-invalid', 'true'),
    );
    expect(
      screen.getByText(/it becomes the repository, the catalog name/),
    ).toBeInTheDocument();
  });

  it('names the owner and system on the Review page, not their entity refs', async () => {
    await fill('listing-photos-v2');
    await userEvent.click(screen.getByRole('textbox', { name: /^System/ }));
    await userEvent.paste('system:default/property-marketplace');
    await waitFor(() =>
      expect(catalogApi.getEntityByRef).toHaveBeenCalledWith(
        'system:default/property-marketplace',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(await screen.findByText('Listings team')).toBeInTheDocument();
    expect(screen.getByText('Property marketplace')).toBeInTheDocument();
    expect(screen.getByText('listing-photos-v2')).toBeInTheDocument();
    expect(screen.queryByText('group:default/listings')).toBeNull();
    expect(
      screen.queryByText('system:default/property-marketplace'),
    ).toBeNull();
  });
});
