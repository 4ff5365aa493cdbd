/**
 * What developers run on ports, beyond IANA: dev-server defaults, services worth a warning, known clashes.
 * Names of tools are proper nouns and stay untranslated; the kinds have translated labels (locales: note.*).
 * Sources: each tool's own documentation or source; entries that are not a tool's default cite theirs.
 */

/** Dev servers and tools whose default is this port. */
export const DEV_DEFAULTS: Readonly<Record<number, readonly string[]>> = {
  1234: ['Parcel'],
  1313: ['Hugo'],
  3000: [
    'Next.js',
    'Create React App',
    'Express examples',
    'Rails',
    'Remix',
    'Nuxt',
    'Grafana',
    'Docusaurus',
    'WXT',
  ],
  3001: ['Next.js / CRA (when 3000 is taken)'],
  4000: ['Jekyll', 'Phoenix', 'Firebase Emulator UI'],
  4173: ['Vite preview'],
  4200: ['Angular CLI'],
  4321: ['Astro'],
  5000: ['Flask', 'ASP.NET Core (older)', 'Docker registry'],
  5001: ['ASP.NET Core HTTPS (older)'],
  5173: ['Vite'],
  5500: ['VS Code Live Server'],
  6006: ['Storybook'],
  8000: ['Django', 'Python http.server', 'Gatsby', 'Laravel (artisan serve)', 'FastAPI / uvicorn'],
  8080: ['webpack-dev-server', 'Vue CLI', 'Tomcat', 'Spring Boot'],
  8081: ['Metro (React Native)', 'Expo'],
  8787: ['Cloudflare wrangler'],
  8888: ['Jupyter'],
  9000: ['PHP-FPM', 'SonarQube'],
  9229: ['Node.js inspector'],
  // Webmin's default (webmin.com FAQ: "Webmin ... runs on port 10000"); also IANA's ndmp.
  10000: ['Webmin'],
  35729: ['LiveReload'],
};

/**
 * `http-database`: a database that speaks HTTP, so a browser can open it: CouchDB ("accessed through the HTTP
 * REST interface", apache/couchdb share/doc/src/intro.rst) and Elasticsearch ("Set a custom port for HTTP:
 * #http.port: 9200", elastic/elasticsearch distribution/src/config/elasticsearch.yml).
 */
export type WarningKind = 'database' | 'http-database' | 'remote-access' | 'infrastructure';

/** Services whose port a web dev server should not take, or which a browser cannot talk to. */
export const SERVICE_PORTS: Readonly<Record<number, { name: string; kind: WarningKind }>> = {
  1433: { name: 'Microsoft SQL Server', kind: 'database' },
  1521: { name: 'Oracle Database', kind: 'database' },
  3306: { name: 'MySQL / MariaDB', kind: 'database' },
  5432: { name: 'PostgreSQL', kind: 'database' },
  5984: { name: 'CouchDB', kind: 'http-database' },
  6379: { name: 'Redis', kind: 'database' },
  7687: { name: 'Neo4j Bolt', kind: 'database' },
  9042: { name: 'Cassandra', kind: 'database' },
  9200: { name: 'Elasticsearch', kind: 'http-database' },
  11211: { name: 'Memcached', kind: 'database' },
  27017: { name: 'MongoDB', kind: 'database' },
  3389: { name: 'Remote Desktop (RDP)', kind: 'remote-access' },
  5900: { name: 'VNC', kind: 'remote-access' },
  2375: { name: 'Docker API', kind: 'infrastructure' },
  2376: { name: 'Docker API (TLS)', kind: 'infrastructure' },
  5672: { name: 'RabbitMQ', kind: 'infrastructure' },
  15672: { name: 'RabbitMQ management', kind: 'infrastructure' },
  6443: { name: 'Kubernetes API', kind: 'infrastructure' },
  9090: { name: 'Prometheus', kind: 'infrastructure' },
  9092: { name: 'Kafka', kind: 'infrastructure' },
  9222: { name: 'Chrome remote debugging', kind: 'infrastructure' },
};

/**
 * Ports taken by something on common machines. macOS 12+ runs the AirPlay Receiver on 5000 and 7000
 * (Flask docs "Address already in use"; lektor/lektor#1160).
 */
export const CLASHES: Readonly<Record<number, 'airplay'>> = { 5000: 'airplay', 7000: 'airplay' };

/**
 * Stretches of ports that belong to one service family with blocked members. A suggestion inside one would
 * land next to the same kind of server (IRC uses 6660-6669 and 6679; 6679 is blocked in Firefox and Safari).
 */
export const FAMILIES: readonly { from: number; to: number }[] = [{ from: 6660, to: 6679 }];

export function inFamily(port: number): boolean {
  return FAMILIES.some(({ from, to }) => port >= from && port <= to);
}
