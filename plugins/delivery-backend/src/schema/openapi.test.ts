import { checkGeneratedOpenApi } from '@gogidix/test-kit';
import { join } from 'node:path';

jest.setTimeout(60_000); // the generator is a node process of its own

it('openapi.generated.ts is generated from the current openapi.yaml', () =>
  checkGeneratedOpenApi(join(__dirname, '../..')));
