import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getQueryProjects, isProjectWord } from '../src/search/get-query-projects.ts';

test('a query names a project by its name or any catalogue alias, whatever the spelling', () => {
  const cases: [string, string[]][] = [
    ['jraft 选主', ['SOFAJRaft']],
    ['rheakv region 分裂', ['SOFAJRaft']],
    ['sofa-boot readiness check', ['SOFABoot']],
    ['SOFA RPC 超时', ['SOFARPC']],
    ['sofarpc timeout', ['SOFARPC']],
    ['fescar 全局锁', ['Seata']],
    ['铜锁 国密', ['Tongsuo']],
    ['mosn 和 seata 一起用', ['MOSN', 'Seata']],
  ];
  for (const [query, projects] of cases) assert.deepEqual(getQueryProjects(query).projects, projects, query);
});

test('topic words and words merely containing an alias name no project', () => {
  for (const query of ['注册中心 选主', '分布式事务 回滚', 'mosnd 镜像', 'sofajraftx', 'registryUrl 配置', '']) {
    assert.deepEqual(getQueryProjects(query).projects, [], query);
  }
});

test('the words that named a project are known, so they can be left out of the evidence', () => {
  const named = getQueryProjects('SOFA-RPC 超时 配置');
  assert.ok(isProjectWord('SOFA-RPC', named));
  assert.ok(!isProjectWord('超时', named));
});

test('a project name typed against Chinese text, without spaces, names the project', () => {
  assert.deepEqual(getQueryProjects('如何关闭jraft的日志生成').projects, ['SOFAJRaft']);
  assert.deepEqual(getQueryProjects('在RheaKV中支持动态的addpeer').projects, ['SOFAJRaft']);
  assert.deepEqual(getQueryProjects('xjraft 的日志').projects, []);
});

test('a generic alias (rpc, registry) names no project; the project name, a specific alias or a package path does', () => {
  assert.deepEqual(getQueryProjects('rpc 超时').projects, []);
  assert.deepEqual(getQueryProjects('registry 地址怎么配置').projects, []);
  assert.deepEqual(getQueryProjects('SOFARPC 超时时间怎么配置').projects, ['SOFARPC']);
  assert.deepEqual(getQueryProjects('sofa-registry 推送').projects, ['SOFARegistry']);
  assert.deepEqual(getQueryProjects('com.alipay.sofa.rpc.virtual.host').projects, ['SOFARPC']);
});

test('a long project name typed with one typo still names the project; a longer word does not', () => {
  assert.deepEqual(getQueryProjects('sofajarft 跨机房 部署').projects, ['SOFAJRaft'], 'two letters swapped');
  assert.deepEqual(getQueryProjects('sofaregsitry 数据同步').projects, ['SOFARegistry']);
  assert.deepEqual(getQueryProjects('layotta sdk').projects, ['Layotto'], 'one letter wrong');
  assert.ok(isProjectWord('sofajarft', getQueryProjects('sofajarft 跨机房')), 'the typo is the project word, left out of coverage');
  for (const query of ['sofajraftx', 'sofajrft', 'mosnd 镜像', 'transaction', 'rocketmq']) assert.deepEqual(getQueryProjects(query).projects, [], query);
});
