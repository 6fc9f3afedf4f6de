// Electron's main process: everything lives in createShell, which takes the electron module
// as a parameter so unit tests can hand it a fake.
import * as electron from 'electron';
import { createShell } from './shell';

createShell(electron);
