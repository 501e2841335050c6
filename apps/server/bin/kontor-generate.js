#!/usr/bin/env node
// Regenerates (or with --check, verifies) the committed generated files.
import { register } from 'tsx/esm/api';

register();
await import('../src/tools/generate.ts');
