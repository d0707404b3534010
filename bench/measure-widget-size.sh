#!/bin/sh
# /widget.js and the page bundle (/assets/page.<hash>.js) gzipped (level 9, as
# tests/web-widget-size.test.ts measures), at a base commit and in the working tree, side by side
# in one run:
#   sh bench/measure-widget-size.sh [BASE_COMMIT]   (default: HEAD~1)
set -eu
base=${1:-HEAD~1}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/widget-size-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$base" | tar -x -C "$tmp"
ln -s "$root/node_modules" "$tmp/node_modules"
cat > "$tmp/size.mts" <<'JS'
import { gzipSync } from 'node:zlib';
const { buildWebAssets } = await import(`${process.argv[2]}/web/build-web-assets.ts`);
const { widgetJs, pageJs } = await buildWebAssets();
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
console.log(`${process.argv[3]}\twidget.js ${gz(widgetJs.contents)} B gzipped (${widgetJs.contents.length} B)\tpage.js ${gz(pageJs.contents)} B gzipped`);
JS
cd "$root"
node --import tsx "$tmp/size.mts" "$tmp" "$(git rev-parse --short "$base")"
node --import tsx "$tmp/size.mts" "$root" "working tree"
