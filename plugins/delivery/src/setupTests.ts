import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy/waitFor wait for what the user would see, however busy the machine:
// the deadline only catches a page that never shows it (see package.json's
// jest.testTimeout).
configure({ asyncUtilTimeout: 15_000 });
