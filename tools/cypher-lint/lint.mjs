// Lint every .cypher file Neo4j runs with Neo4j's own parser.
// Usage: node lint.mjs FILE...  Prints one line per problem; exits 1 on any error other
// than an undeclared parameter (argmap passes every parameter at run time).
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const ERROR = 1;
const undeclaredParameter = (d) => /^Parameter \$\S+ is not defined\.$/.test(d.message);
let errors = 0;

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const { diagnostics } = lintCypherQuery(text, {});
  for (const d of diagnostics) {
    if (undeclaredParameter(d)) continue;
    const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const kind = d.severity === ERROR ? 'error' : 'warning';
    if (d.severity === ERROR) errors += 1;
    console.log(`${where}: ${kind}: ${d.message}`);
  }
}
console.log(`${process.argv.length - 2} files, ${errors} errors`);
process.exit(errors ? 1 : 0);
