import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';

/** `ui:field: ServiceName`: a service name that is valid and not taken. */
const serviceNameField = FormFieldBlueprint.make({
  name: 'service-name',
  params: {
    field: () =>
      import('./ServiceNameField').then(m =>
        createFormField({
          name: 'ServiceName',
          component: m.ServiceNameInput,
          validation: m.validateServiceName,
        }),
      ),
  },
});

/** `ui:field: ReviewNames`: the owner's and system's names for the Review page. */
const reviewNamesField = FormFieldBlueprint.make({
  name: 'review-names',
  params: {
    field: () =>
      import('./ReviewNamesField').then(m =>
        createFormField({ name: 'ReviewNames', component: m.ReviewNamesField }),
      ),
  },
});

/** The Create page's extra form fields for the Gogidix templates. */
export const scaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [serviceNameField, reviewNamesField],
});
