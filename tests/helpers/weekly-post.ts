/** A minimal weekly post the extractor accepts (one question, one answer, one attribution line), titled `SOFA Weekly | <title>`. */
export function weeklyPost(title: string): string {
  return `---
title: "SOFA Weekly | ${title}"
date: 2021-01-15T15:00:00+08:00
---

### 每周读者问答提炼

**1、@读者** 提问：

> MOSN 支持 HTTP/2 吗？

A：支持。

MOSN：[https://github.com/mosn/mosn](https://github.com/mosn/mosn)
`;
}
