import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPaste, reducePaste } from '../src/search/reduce-paste.ts';

const TRACE = [
  '2023-04-01 12:00:01.123 ERROR 4242 --- [main] o.s.boot.SpringApplication : Application run failed',
  'java.lang.NoClassDefFoundError: com/alipay/sofa/rpc/config/ConsumerConfig',
  '\tat com.alipay.sofa.rpc.boot.runtime.binding.RpcBindingConverter.convert(RpcBindingConverter.java:92)',
  '\tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:208)',
  'Caused by: java.lang.ClassNotFoundException: com.alipay.sofa.rpc.config.ConsumerConfig',
  '\tat java.net.URLClassLoader.findClass(URLClassLoader.java:382)',
  '\t... 42 more',
].join('\n');

test('a typed question is left as it is', () => {
  for (const query of ['jraft 选主', 'SOFARPC 超时时间怎么配置？', 'how to register the host IP in docker']) {
    assert.equal(isPaste(query), false);
    assert.equal(reducePaste(query), query);
  }
});

test('a stack trace becomes its exceptions and first line, without frames, timestamps, threads or paths', () => {
  const reduced = reducePaste(TRACE);
  assert.match(reduced, /^NoClassDefFoundError ClassNotFoundException /, 'short exception names lead');
  assert.match(reduced, /Application run failed/);
  assert.match(reduced, /java\.lang\.NoClassDefFoundError/);
  assert.doesNotMatch(reduced, /RpcBindingConverter|AbstractBeanFactory|URLClassLoader|42 more/, 'no stack frames');
  assert.doesNotMatch(reduced, /2023-04-01|12:00:01|\[main\]|ERROR/, 'no timestamp, thread or level');
  assert.ok(reduced.length <= 400);
});

test('error codes, config keys and quoted messages are kept; IPs and hex are dropped', () => {
  const paste = [
    '启动后报错，配置了 seata.tx-service-group 还是不行',
    'io.seata.common.exception.FrameworkException: can not connect to services-server.',
    'Status[ECATCHUP<10003>: Peer 192.168.1.12:8182 failed to catch up] xid 0x7f3a9c01ffee23',
    'message: "no available service found in cluster default"',
    '\tat io.seata.core.rpc.netty.NettyClientChannelManager.reconnect(NettyClientChannelManager.java:190)',
  ].join('\n');
  const reduced = reducePaste(paste);
  for (const kept of ['FrameworkException', 'seata.tx-service-group', 'ECATCHUP', 'no available service found in cluster default', '启动后报错']) {
    assert.ok(reduced.includes(kept), `${kept} in ${reduced}`);
  }
  assert.doesNotMatch(reduced, /192\.168|0x7f3a|NettyClientChannelManager/);
});
