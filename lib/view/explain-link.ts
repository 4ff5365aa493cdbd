/** The explanation page's address carries what failed, so a reload shows the same explanation. */

export interface ExplainParams {
  url: string;
  code: string;
}

/** `base` is runtime.getURL('/explain.html'). */
export function explainPageUrl(base: string, params: ExplainParams): string {
  const query = new URLSearchParams({ url: params.url, code: params.code });
  return `${base}?${query.toString()}`;
}

export function readExplainParams(search: string): ExplainParams | null {
  const query = new URLSearchParams(search);
  const url = query.get('url');
  if (!url) return null;
  return { url, code: query.get('code') ?? '' };
}
