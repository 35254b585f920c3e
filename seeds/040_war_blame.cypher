// 040 -- The war in Ukraine: does NATO's expansion share the blame (Pope Francis as cited by
// Colbert and the commentary), or was the offensive unprovoked (Blinken, Kiev)? Also
// Russia's demand for a neutral Ukraine, and Blinken's point that the war is enlarging NATO,
// the opposite of what Putin wanted.

// ---- statements
UNWIND [
  {id: 'nato-expansion-shares-blame', title: 'NATO expansion shares blame for the war in Ukraine', text: 'NATO\'s expansion in Europe, and the Western stance toward Russia behind it, is partly to blame for the war in Ukraine.'},
  {id: 'ukraine-should-be-neutral', title: 'Ukraine should be neutral and stay out of NATO', text: 'Ukraine should officially declare itself a neutral country that will never join NATO, and NATO should go back to its pre-1997 posture.'},
  {id: 'war-is-enlarging-nato', title: 'Russia\'s war is enlarging NATO, against its aims', text: 'By attacking Ukraine, Putin is working against his own goals: he wanted to keep NATO from growing, and the war is leading Finland and Sweden to join it.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Position, s.role = 'Position', s.title = row.title, s.text = row.text
REMOVE s:Claim, s:Premise, s:Rebuttal;

UNWIND [
  // The commentary's insinuations, voiced through "some media in some eastern countries"
  // and a conditional ("rather than using Ukraine as a gunman"); credited to the commentator.
  {id: 'us-drives-the-war', title: 'The US is behind the war, using Ukraine against Russia', text: 'The United States is behind Russia\'s war in Ukraine and uses Ukraine as a proxy to weaken Russia.'},
  // Background in the news report, put next to Kiev's denial; it reads as the Russian
  // case for provocation, so it answers "unprovoked".
  {id: 'ukraine-failed-minsk', title: 'Russia attacked after Ukraine failed to implement Minsk', text: 'Russia attacked Ukraine in late February after Ukraine failed to implement the Minsk agreements, which were meant to give the breakaway regions special status within Ukraine, and after Moscow recognised the Donetsk and Luhansk republics.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Claim, s.role = 'Claim', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'us-refused-guarantees', title: 'Russia\'s request for guarantees was turned down', text: 'Before the attack on Ukraine, Russia sought legally binding guarantees that Ukraine would not join NATO and was told that none would be given.'},
  {id: 'ukraine-not-planning-retake', title: 'Ukraine was not planning to retake Donbas by force', text: 'Ukraine was not planning to retake the Donetsk and Luhansk republics by force.'},
  {id: 'finland-sweden-applying', title: 'Finland and Sweden are applying to join NATO', text: 'While the war in Ukraine goes on, Finland, a large neighbour of Russia, and Sweden have applied to join NATO.'},
  {id: 'russia-aims-to-stop-ukraine-joining', title: 'Russia\'s aim: keep Ukraine out of NATO', text: 'Keeping Ukraine out of NATO is Russia\'s central aim in its conflict with Ukraine.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Premise, s.role = 'Premise', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Rebuttal;

UNWIND [
  {id: 'nato-not-to-blame', title: 'NATO expansion is not to blame for the war', text: 'NATO\'s expansion is not to blame for the war in Ukraine.'},
  {id: 'russian-offensive-unprovoked', title: 'Russia\'s offensive was unprovoked', text: 'Russia\'s offensive against Ukraine was unprovoked.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Rebuttal, s.role = 'Rebuttal', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Premise;

// ---- quotes
UNWIND [
  {id: 'src-blinken-colbert-942-1056', statement: 'nato-expansion-shares-blame', source: 'src-blinken-colbert', start: 942, end: 1056, quote: 'Colbert cited Pope Francis\'s opinion that NATO\'s expansion in Europe was partly to blame for the crisis in Ukraine'},
  {id: 'src-will-russia-join-nato-3765-3928', statement: 'nato-expansion-shares-blame', source: 'src-will-russia-join-nato', start: 3765, end: 3928, quote: 'Pope Francis said in an interview with Italian media that NATO scolded Russia against the mountain gate, which led to Russia’s “invasion” of neighboring countries.', note: '"scolded Russia against the mountain gate" apparently renders the Pope\'s image of NATO barking at Russia\'s door.'},
  {id: 'src-will-russia-join-nato-3929-4047', statement: 'nato-expansion-shares-blame', source: 'src-will-russia-join-nato', start: 3929, end: 4047, quote: '“I don’t know if the violence was caused by provocation, but I suspect there may be a Western attitude,” Francis said.'},
  {id: 'src-will-russia-join-nato-3611-3716', statement: 'nato-expansion-shares-blame', source: 'src-will-russia-join-nato', start: 3611, end: 3716, quote: 'How did the US contribute to the Russia-Ukraine crisis? It can also be seen from the “Late Show” program.'},
  {id: 'src-blinken-colbert-1058-1102', statement: 'nato-not-to-blame', source: 'src-blinken-colbert', start: 1058, end: 1102, quote: 'but the secretary said that was not the case'},
  {id: 'src-blinken-colbert-3575-3708', statement: 'ukraine-should-be-neutral', source: 'src-blinken-colbert', start: 3575, end: 3708, quote: 'The Kremlin has demanded that Ukraine officially declare itself a neutral country that will never join the US-led NATO military bloc.'},
  {id: 'src-will-russia-join-nato-4541-4678', statement: 'ukraine-should-be-neutral', source: 'src-will-russia-join-nato', start: 4541, end: 4678, quote: 'At that time, Russia’s attitude was also made public – it hoped that NATO would go back to before 1997 and that Ukraine would be neutral.'},
  {id: 'src-blinken-colbert-2718-2925', statement: 'us-refused-guarantees', source: 'src-blinken-colbert', start: 2718, end: 2925, quote: 'Moscow made a last-ditch attempt to secure legally binding guarantees that Ukraine would not join the bloc, but was told that none would be given during the build-up of tensions before the attack on Ukraine.'},
  {id: 'src-will-russia-join-nato-4679-4718', statement: 'us-refused-guarantees', source: 'src-will-russia-join-nato', start: 4679, end: 4718, quote: 'But has the United States promised one?', note: 'Rhetorical question implying that no such promise was given.'},
  {id: 'src-blinken-colbert-3709-3763', statement: 'russian-offensive-unprovoked', source: 'src-blinken-colbert', start: 3709, end: 3763, quote: 'Kiev insists that the Russian offensive was unprovoked'},
  {id: 'src-blinken-colbert-3768-3836', statement: 'ukraine-not-planning-retake', source: 'src-blinken-colbert', start: 3768, end: 3836, quote: 'has denied that it was planning to retake the two republics by force'},
  {id: 'src-blinken-colbert-3225-3454', statement: 'ukraine-failed-minsk', source: 'src-blinken-colbert', start: 3225, end: 3454, quote: 'In late February, Russia attacked the neighboring state after Ukraine failed to implement the terms of the Minsk agreements, first signed in 2014, and Moscow s eventual recognition of the Donbass republics of Donetsk and Lugansk.', note: '"Moscow s": the apostrophe is missing in the text.'},
  {id: 'src-blinken-colbert-3455-3573', statement: 'ukraine-failed-minsk', source: 'src-blinken-colbert', start: 3455, end: 3573, quote: 'The German and French protocols were designed to give the breakaway regions special status within the Ukrainian state.'},
  {id: 'src-will-russia-join-nato-4094-4221', statement: 'us-drives-the-war', source: 'src-will-russia-join-nato', start: 4094, end: 4221, quote: 'If some media in some eastern countries have commented on the view that Russia’s march into Ukraine is behind the United States', note: 'A view of unnamed "media in some eastern countries", which the commentator backs with the Pope\'s words.'},
  {id: 'src-will-russia-join-nato-8240-8294', statement: 'us-drives-the-war', source: 'src-will-russia-join-nato', start: 8240, end: 8294, quote: 'rather than using Ukraine as a gunman to weaken Russia', note: 'Insinuation inside a conditional; "gunman" renders an idiom for a proxy.'},
  {id: 'src-blinken-colbert-617-771', statement: 'war-is-enlarging-nato', source: 'src-blinken-colbert', start: 617, end: 771, quote: 'Blinken appeared on The Late Show to talk about US policy and the reasons Washington believes Putin is working against his own goals by attacking Ukraine.'},
  {id: 'src-blinken-colbert-833-940', statement: 'finland-sweden-applying', source: 'src-blinken-colbert', start: 833, end: 940, quote: 'The US official said that the two Nordic nations sent to NATO this week, now it is with Finland and Sweden.', note: 'Garbled paraphrase of Blinken: NATO, which Putin wanted to keep from growing, is now growing with Finland and Sweden, whose applications were sent this week.'},
  {id: 'src-will-russia-join-nato-237-386', statement: 'finland-sweden-applying', source: 'src-will-russia-join-nato', start: 237, end: 386, quote: 'But before the war between Russia and Ukraine is over, Russia’s big neighbor Finland, and another Nordic country, Sweden, are preparing to join NATO.'},
  {id: 'src-blinken-colbert-773-832', statement: 'russia-aims-to-stop-ukraine-joining', source: 'src-blinken-colbert', start: 773, end: 832, quote: 'He wanted to prevent NATO from getting bigger with Ukraine.', note: '"He" is Putin; the paraphrase drops the attribution of this line to Blinken (the next sentence resumes with "The US official said").'},
  {id: 'src-will-russia-join-nato-24-125', statement: 'russia-aims-to-stop-ukraine-joining', source: 'src-will-russia-join-nato', start: 24, end: 125, quote: 'The most important focus of the dispute between Russia and Ukraine is that Ukraine wants to join NATO'}
] AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- edges
UNWIND [
  // Russia's threat perception and the refused guarantees are the grounds the texts give
  // for NATO's share of the blame.
  {id: 'nato-expansion-threatens-russia~supports~nato-expansion-shares-blame', source: 'nato-expansion-threatens-russia', target: 'nato-expansion-shares-blame'},
  {id: 'us-refused-guarantees~supports~nato-expansion-shares-blame', source: 'us-refused-guarantees', target: 'nato-expansion-shares-blame'},
  // Blinken's "not the case" comes with "NATO is a defensive alliance".
  {id: 'nato-is-defensive~supports~nato-not-to-blame', source: 'nato-is-defensive', target: 'nato-not-to-blame'},
  {id: 'ukraine-not-planning-retake~supports~russian-offensive-unprovoked', source: 'ukraine-not-planning-retake', target: 'russian-offensive-unprovoked'},
  // The commentary offers the Pope's words to those who doubt that the US is behind the war.
  {id: 'nato-expansion-shares-blame~supports~us-drives-the-war', source: 'nato-expansion-shares-blame', target: 'us-drives-the-war'},
  {id: 'nato-expansion-threatens-russia~supports~ukraine-should-be-neutral', source: 'nato-expansion-threatens-russia', target: 'ukraine-should-be-neutral'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b);

// Linked premises: the war backfires only given both Putin's aim (no NATO growth) and the
// Nordic applications.
UNWIND [
  {id: 'russia-aims-to-stop-ukraine-joining~supports~war-is-enlarging-nato', source: 'russia-aims-to-stop-ukraine-joining', target: 'war-is-enlarging-nato', inference: 'war-backfires'},
  {id: 'finland-sweden-applying~supports~war-is-enlarging-nato', source: 'finland-sweden-applying', target: 'war-is-enlarging-nato', inference: 'war-backfires'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.inference = row.inference;

UNWIND [
  {id: 'nato-not-to-blame~refutes~nato-expansion-shares-blame', source: 'nato-not-to-blame', target: 'nato-expansion-shares-blame'},
  {id: 'russian-offensive-unprovoked~refutes~nato-expansion-shares-blame', source: 'russian-offensive-unprovoked', target: 'nato-expansion-shares-blame'},
  {id: 'ukraine-failed-minsk~refutes~russian-offensive-unprovoked', source: 'ukraine-failed-minsk', target: 'russian-offensive-unprovoked'},
  // An alliance used to weaken Russia through Ukraine would have aggressive intent.
  {id: 'us-drives-the-war~refutes~nato-is-defensive', source: 'us-drives-the-war', target: 'nato-is-defensive'},
  // The US refused the guarantees, citing the open door (030): Ukraine may seek membership.
  {id: 'nato-open-door~refutes~ukraine-should-be-neutral', source: 'nato-open-door', target: 'ukraine-should-be-neutral'},
  // Both texts set Turkey's objection right after the Nordic applications: enlargement
  // is not yet a given.
  {id: 'turkey-threatens-veto~refutes~war-is-enlarging-nato', source: 'turkey-threatens-veto', target: 'war-is-enlarging-nato'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b);

// ---- who asserts what
// Colbert only cites the Pope; the Pope and the commentator assert the blame thesis.
UNWIND [
  {person: 'pope-francis', statement: 'nato-expansion-shares-blame'},
  {person: 'xiaoyin', statement: 'nato-expansion-shares-blame'},
  {person: 'blinken', statement: 'nato-not-to-blame'},
  {person: 'kremlin', statement: 'ukraine-should-be-neutral'},
  {person: 'blinken', statement: 'war-is-enlarging-nato'},
  {person: 'us-government', statement: 'war-is-enlarging-nato'},
  {person: 'xiaoyin', statement: 'us-drives-the-war'},
  {person: 'news-report-author', statement: 'ukraine-failed-minsk'},
  {person: 'news-report-author', statement: 'us-refused-guarantees'},
  {person: 'xiaoyin', statement: 'us-refused-guarantees'},
  {person: 'ukrainian-government', statement: 'russian-offensive-unprovoked'},
  {person: 'ukrainian-government', statement: 'ukraine-not-planning-retake'},
  {person: 'blinken', statement: 'finland-sweden-applying'},
  {person: 'xiaoyin', statement: 'finland-sweden-applying'},
  {person: 'blinken', statement: 'russia-aims-to-stop-ukraine-joining'},
  {person: 'xiaoyin', statement: 'russia-aims-to-stop-ukraine-joining'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s);
