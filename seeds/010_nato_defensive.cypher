// 010 -- Is NATO a threat to Russia? Blinken's "NATO is a defensive alliance" against
// Russia's view that NATO's expansion threatens its security.
//
// Roles used throughout the seeds:
//   Position -- a thesis in dispute (each has direct supporters and refuters);
//   Claim    -- an argued, intermediate statement;
//   Premise  -- a reported fact or piece of evidence offered as a starting point;
//   Rebuttal -- a statement put forward to answer (REFUTE) another one.
// Relations (docs/architecture.md, "Relations and their grounds"): every SUPPORTS/REFUTES
// is written with its :Link (same id) and a `basis`: 'stated' when the text itself makes the
// link (the :Link's quotes say where), 'reconstructed' when it is the analyst's reading (the
// relation's `note` says why). ARGUES names who argues the link, which need not be who
// asserts its premise. For a reconstructed link that is whose case the analyst reads it into.
//
// Quote offsets below are written by scripts/fix_seed_offsets.py, never by hand.

// ---- statements
UNWIND [
  {id: 'nato-is-defensive', title: 'NATO is a defensive alliance', text: 'NATO is a defensive alliance with no aggressive intent toward Russia.'},
  {id: 'nato-expansion-threatens-russia', title: 'NATO expansion threatens Russia\'s security', text: 'NATO\'s expansion toward Russia\'s borders poses a serious threat to Russia\'s national security.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Position, s.role = 'Position', s.title = row.title, s.text = row.text
REMOVE s:Claim, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'nato-never-attacked-russia', title: 'NATO has never attacked Russia and will not', text: 'NATO has never attacked Russia and does not intend to attack it.'},
  // The commentary's rhetorical question reports unnamed people "in Russia or abroad" and
  // plainly endorses them. Neither text sets it against "NATO is a defensive alliance": that
  // attack is reconstructed (see its note below).
  {id: 'nato-should-have-disbanded', title: 'NATO should have disbanded with the Warsaw Pact', text: 'Once the Warsaw Pact was dissolved, NATO lost its strategic purpose and should have been disbanded as well.'},
  // Russia's view stated for the case at hand: Ukraine in NATO. Kept apart from the general
  // thesis above because the commentary states only this instance.
  {id: 'ukraine-bid-squeezes-russia', title: 'Ukraine in NATO would squeeze Russia', text: 'Ukraine\'s bid to join NATO squeezes Russia\'s strategic space and disregards Russia\'s national security.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Claim, s.role = 'Claim', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Premise, s:Rebuttal;

// ---- quotes
UNWIND [
  {id: 'src-blinken-colbert-1105-1204', statement: 'nato-is-defensive', source: 'src-blinken-colbert', start: 1105, end: 1204, quote: 'He assured that NATO is a defensive alliance. It does not have an aggressive intent against Russia.'},
  {id: 'src-blinken-colbert-1205-1295', statement: 'nato-never-attacked-russia', source: 'src-blinken-colbert', start: 1205, end: 1295, quote: 'It has never attacked Russia, and won\'t attack Russia. It doesn\'t intend to attack Russia.'},
  {id: 'src-blinken-colbert-2589-2717', statement: 'nato-expansion-threatens-russia', source: 'src-blinken-colbert', start: 2589, end: 2717, quote: 'Russia has called out NATO, saying its expansion towards the Russian border posed a serious threat to Russian national security.'},
  {id: 'src-will-russia-join-nato-131-234', statement: 'ukraine-bid-squeezes-russia', source: 'src-will-russia-join-nato', start: 131, end: 234, quote: 'Russia believes that this is a squeeze on its strategic space, and it is ignoring its national security'},
  {id: 'src-will-russia-join-nato-849-1017', statement: 'nato-should-have-disbanded', source: 'src-will-russia-join-nato', start: 849, end: 1017, quote: 'Whether in Russia or abroad, aren’t there people who say that after the disbandment of the Warsaw Pact, NATO should also be disbanded when it loses its strategic goals?', note: 'Rhetorical question: the commentator reports unnamed people holding this view and endorses it by asking.'}
] AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- relations, each with its :Link
UNWIND [
  {id: 'nato-never-attacked-russia~supports~nato-is-defensive', source: 'nato-never-attacked-russia', target: 'nato-is-defensive', basis: 'stated'},
  {id: 'ukraine-bid-squeezes-russia~supports~nato-expansion-threatens-russia', source: 'ukraine-bid-squeezes-russia', target: 'nato-expansion-threatens-russia', basis: 'reconstructed', note: 'The commentary states Russia\'s view only for Ukraine ("a squeeze on its strategic space"), the news report only in general (expansion "posed a serious threat"); neither text links the two. The analyst reads the Ukrainian case as an instance of the general claim; both are Russia\'s.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// The two positions are reported side by side but never answer each other: Blinken answers
// the Pope's blame claim (040), and the report gives Russia's threat claim later, on its
// own. Both attacks, and the commentary's disbandment question against "defensive", are
// therefore the analyst's reading.
UNWIND [
  {id: 'nato-is-defensive~refutes~nato-expansion-threatens-russia', source: 'nato-is-defensive', target: 'nato-expansion-threatens-russia', basis: 'reconstructed', note: 'Blinken\'s assurance answers the Pope\'s blame claim ("the secretary said that was not the case"), not Russia\'s threat claim, which the report gives three paragraphs later as Russia\'s own view. The analyst sets them against each other because "no aggressive intent against Russia ... won\'t attack Russia" denies the threat the Russian claim asserts.'},
  {id: 'nato-expansion-threatens-russia~refutes~nato-is-defensive', source: 'nato-expansion-threatens-russia', target: 'nato-is-defensive', basis: 'reconstructed', note: 'The report gives Russia\'s accusation without reference to Blinken\'s assurance. The analyst reads an alliance whose expansion threatens Russia\'s security as not merely defensive.'},
  {id: 'nato-should-have-disbanded~refutes~nato-is-defensive', source: 'nato-should-have-disbanded', target: 'nato-is-defensive', basis: 'reconstructed', note: 'The commentary never mentions Blinken\'s "defensive alliance"; its disbandment question follows Colbert\'s idea of inviting Russia. The analyst reads it as an objection to the defensive rationale: once the Warsaw Pact was gone, NATO had no strategic goal left to defend, so defence does not explain why it lives on and grows. A loose reading: the question does not deny that NATO\'s intent is defensive.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- who argues each link
UNWIND [
  {person: 'blinken', link: 'nato-never-attacked-russia~supports~nato-is-defensive'},
  {person: 'kremlin', link: 'ukraine-bid-squeezes-russia~supports~nato-expansion-threatens-russia'},
  {person: 'blinken', link: 'nato-is-defensive~refutes~nato-expansion-threatens-russia'},
  {person: 'kremlin', link: 'nato-expansion-threatens-russia~refutes~nato-is-defensive'},
  {person: 'xiaoyin', link: 'nato-should-have-disbanded~refutes~nato-is-defensive'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (l:Link {id: row.link})
MERGE (p)-[:ARGUES]->(l);

// ---- where the text makes each stated link (a span that is also a statement's quote is
// the same :Quote)
UNWIND [
  {id: 'src-blinken-colbert-1105-1295', link: 'nato-never-attacked-russia~supports~nato-is-defensive', source: 'src-blinken-colbert', start: 1105, end: 1295, quote: 'He assured that NATO is a defensive alliance. It does not have an aggressive intent against Russia. It has never attacked Russia, and won\'t attack Russia. It doesn\'t intend to attack Russia.'}
] AS row
MATCH (l:Link {id: row.link})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (l)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- who asserts what
UNWIND [
  {person: 'blinken', statement: 'nato-is-defensive'},
  {person: 'blinken', statement: 'nato-never-attacked-russia'},
  {person: 'kremlin', statement: 'nato-expansion-threatens-russia'},
  {person: 'kremlin', statement: 'ukraine-bid-squeezes-russia'},
  {person: 'xiaoyin', statement: 'nato-should-have-disbanded'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s);
