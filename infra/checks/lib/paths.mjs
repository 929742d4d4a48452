// Locations of what the checks read, relative to this file (infra/checks/lib).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

export const infraDir = path.resolve(here, '..', '..');
export const repoRoot = path.resolve(infraDir, '..');
export const terraformDir = path.join(infraDir, 'terraform');
export const kongFile = path.join(infraDir, 'kong', 'kong.yml');
export const dockerDir = path.join(infraDir, 'docker');
export const litestreamFile = path.join(infraDir, 'litestream', 'litestream.yml');
export const vendoredKongSchema = path.join(infraDir, 'checks', 'vendor', 'kong-declarative-config.schema.json');
// The shared copy that CI checks out beside the clone (../shared from the repository root).
export const sharedKongSchema = path.resolve(repoRoot, '..', 'shared', 'schemas', 'kong-declarative-config.schema.json');
