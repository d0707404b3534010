import { getMarkedSegments, getSnippetSegments, type MarkedSegment } from '../core/get-marked-segments.ts';

/** Text nodes and `<mark>` elements for marked segments (text via `textContent` only). */
export function renderSegments(segments: MarkedSegment[]): Node[] {
  return segments.map((segment) => {
    if (!segment.marked) return document.createTextNode(segment.text);
    const mark = document.createElement('mark');
    mark.textContent = segment.text;
    return mark;
  });
}

/** The nodes of an API highlight (escaped text with `<mark>` only), built without parsing HTML. */
export function renderMarked(html: string): Node[] {
  return renderSegments(getMarkedSegments(html));
}

/** A snippet of an API highlight around its first match. */
export function renderSnippet(html: string, maxLength?: number): Node[] {
  return renderSegments(getSnippetSegments(getMarkedSegments(html), maxLength));
}
