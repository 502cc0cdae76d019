import {
  recordingReads,
  rememberReadContent,
  withoutReadContent,
} from './validationReads';

describe('what placeholders read during a validation', () => {
  it('is removed from every string of the answer', async () => {
    const answer = await recordingReads(async read => {
      await Promise.resolve();
      rememberReadContent('HOSTNAME=build-7\n');
      rememberReadContent('ok');
      return withoutReadContent(
        {
          errors: [
            {
              name: 'InputError',
              message: 'Policy check failed',
              cause: { message: '"labels.x" found "HOSTNAME=build-7"' },
            },
          ],
        },
        read,
      );
    });
    expect(answer).toEqual({
      errors: [
        {
          name: 'InputError',
          message: 'Policy check failed',
          cause: { message: '"labels.x" found "[placeholder content]"' },
        },
      ],
    });
  });

  it('is not remembered outside a validation', () => {
    rememberReadContent('HOSTNAME=build-7');
    const read = recordingReads(r => r);
    expect([...read]).toEqual([]);
  });
});
