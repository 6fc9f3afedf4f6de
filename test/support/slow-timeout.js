// Integration and e2e tests start real programs and a real browser: they get longer than unit tests.
jest.setTimeout(60000);
