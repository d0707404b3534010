import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseCopies } from '../src/search/collapse-copies.ts';
import { getCopyKey } from '../src/search/get-copy-key.ts';

// Reposts from the corpus: what a repost changes is formatting, not the answer.
test('a repost with other spacing, list numbers, an A： label or its sentences moved is the same pair', () => {
  const question = 'SOFARPC 是通过 MOSN 转发协议？SOFA RPC 对外注册的 IP 在 k8 的容器是什么策略？';
  assert.equal(
    getCopyKey(question, '：MOSN 支持 SOFARPC 协议的转发。\nA：服务发布订阅没有做啥特殊的，就和原来是一样的。'),
    getCopyKey(question.replace('SOFA RPC', 'SOFARPC'), 'MOSN 支持 SOFARPC 协议的转发。服务发布订阅没有做啥特殊的，就和原来是一样的。'),
  );
  assert.equal(
    getCopyKey('延时大了，读写性能就会降低了吧？', 'SOFAJRaft 支持 transfer leader（手动调用 cli 服务） 2. SOFAJRaft 1.3.0 会增加选举优先级特性。'),
    getCopyKey('延时大了，读写性能就会降低了吧？', 'SOFAJRaft 支持 transfer leader（手动调用 cli 服务）；\nSOFAJRaft 1.3.0 会增加选举优先级特性。'),
  );
  assert.equal(
    getCopyKey('SOFABolt 的最新分支是哪个？', 'master 就是最新分支。https://github.com/sofastack/sofa-bolt'),
    getCopyKey('SOFABolt 的最新分支是哪个？', 'https://github.com/sofastack/sofa-bolt master 就是最新分支。'),
  );
});

test('another answer, a changed version or negation, or another question is another pair', () => {
  const key = getCopyKey('LoadLevel 注解有什么作用', '跟一下 spi 加载的代码就知道了。');
  assert.notEqual(getCopyKey('LoadLevel 注解有什么作用', '只读无需加注解。'), key);
  assert.notEqual(getCopyKey('LoadLevel 注解有什么作用？', '跟一下 spi 加载的代码就不知道了。'), key);
  assert.notEqual(getCopyKey('支持 istio 1.14 吗', '1.3.0 支持。'), getCopyKey('支持 istio 1.14 吗', '1.4.0 支持。'));
  assert.notEqual(getCopyKey('LoadLevel 注解怎么用', '跟一下 spi 加载的代码就知道了。'), key);
  // the same words in another order inside a sentence say something else
  assert.notEqual(getCopyKey('Envoy 支持吗', 'MOSN 支持，Envoy 不支持。'), getCopyKey('Envoy 支持吗', 'MOSN 不支持，Envoy 支持。'));
  assert.notEqual(getCopyKey('升级', '从 1.x 升到 2.x'), getCopyKey('升级', '从 2.x 升到 1.x'));
  assert.notEqual(getCopyKey('timeout?', 'The default timeout is 30. You can change it.'), getCopyKey('timeout?', 'The default timeout is 60. You can change it.'));
});

test('the first copy keeps its place and names the later ones; ids without a key are never folded', () => {
  const keys: Record<string, string | undefined> = { a: 'k1', b: 'k2', c: 'k1', d: undefined, e: undefined, f: 'k1' };
  const { ids, copies } = collapseCopies(['a', 'b', 'c', 'd', 'e', 'f'], (id) => keys[id]);
  assert.deepEqual(ids, ['a', 'b', 'd', 'e']);
  assert.deepEqual(copies.get('a'), ['c', 'f']);
  assert.deepEqual(copies.get('c'), ['a', 'f']);
  assert.equal(copies.has('b'), false);
  assert.equal(copies.has('d'), false);
});
