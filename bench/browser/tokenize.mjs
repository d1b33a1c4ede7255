// MiniSearch set up for Chinese the usual way: words from Intl.Segmenter, AND across words,
// no fuzzy or prefix matching (both would only lower precision on exact substrings).
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function tokenize(text) {
  const out = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

export const MINISEARCH_OPTIONS = {
  fields: ['text'],
  tokenize,
  searchOptions: { combineWith: 'AND', prefix: false, fuzzy: false, tokenize },
};
