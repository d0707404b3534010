import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripIssueTags } from '../src/search/strip-issue-tags.ts';
import { understandQuery } from '../src/search/understand-query.ts';

test('an issue title\'s leading category tags are not searched as topics', () => {
  assert.equal(stripIssueTags('[Feature Request] mosn log time roller support'), 'mosn log time roller support');
  assert.equal(stripIssueTags('[BUG][question]: seata 回滚失败'), 'seata 回滚失败');
  assert.equal(stripIssueTags('【求助】jraft 选主超时'), 'jraft 选主超时');
  const understood = understandQuery('[Feature Request] mosn log rotation');
  assert.equal(understood.searchedFor, 'mosn log rotation');
  assert.ok(!understood.terms.some((term) => /feature|request/i.test(term.text)), JSON.stringify(understood.terms));
});

test('a tag that names a project or a module, a tag inside the title and a title of tags only stay', () => {
  assert.equal(stripIssueTags('[sofa-rpc] 超时配置'), '[sofa-rpc] 超时配置');
  assert.equal(stripIssueTags('seata [bug] 回滚失败'), 'seata [bug] 回滚失败');
  assert.equal(stripIssueTags('[bug]'), '[bug]');
});
