// Integration and e2e tests start real programs and a real browser: they get longer than unit
// tests, and a CI machine shared with other jobs can be several times slower than an idle one.
jest.setTimeout(120000);
