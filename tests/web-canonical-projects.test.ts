import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCanonicalProjects } from '../web/src/core/get-canonical-projects.ts';

// A widget's data-project or a page URL's project, as written by a person, mapped to the names
// the API's filter takes (the facets' names).
const KNOWN = ['SOFARPC', 'SOFABoot', 'SOFAJRaft', 'MOSN', 'Seata', 'Koupleless'];

test('any case, separators and the catalogue\'s sofa- prefix name the canonical project', () => {
  assert.deepEqual(getCanonicalProjects(['mosn', 'sofa-rpc', 'jraft', 'Sofa Boot', 'SEATA', 'sofa-mosn'], KNOWN),
    { projects: ['MOSN', 'SOFARPC', 'SOFAJRaft', 'SOFABoot', 'Seata'], unknown: [] });
  assert.deepEqual(getCanonicalProjects(['rpc', 'RPC', 'SOFARPC'], KNOWN), { projects: ['SOFARPC'], unknown: [] });
});

test('a name that matches no project is reported, not guessed', () => {
  assert.deepEqual(getCanonicalProjects(['mosn', 'nosuch', 'sofa', ''], KNOWN), { projects: ['MOSN'], unknown: ['nosuch', 'sofa', ''] });
});
