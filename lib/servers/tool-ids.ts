/**
 * The fingerprint table's ids (fingerprints.ts), alone, and the longest title kept: what the background and the
 * options page need to check a stored app (apps.ts) without carrying the table's markers and sources (8 KB). A
 * unit test keeps the ids the table's.
 */
export const TOOL_IDS: readonly string[] = [
  'nuxt',
  'sveltekit',
  'astro',
  'react-router',
  'remix',
  'angular',
  'vite',
  'next',
  'create-react-app',
  'gatsby',
  'docusaurus',
  'eleventy',
  'hugo',
  'live-server',
  'browsersync',
  'jupyter',
  'flask',
  'django',
  'uvicorn',
  'python-http-server',
  'http-server',
  'ollama',
  'airplay',
  'webpack-dev-server',
  'express',
  'php',
];

/** The longest title kept, in characters: a row of the popup. */
export const TITLE_LENGTH = 80;
