// 060 -- The commentary's conclusion: whether or not Russia joins NATO, Russia and NATO
// must coexist, so the US should genuinely work to end the crisis, including by talking
// to Russia, instead of using Ukraine to weaken Russia. Against it, Ned Price: the time for
// the two foreign ministers to talk again is "not ripe"; the commentary rebuts him.
// "Using Ukraine as a gunman" (040's us-drives-the-war) is the foil of the conclusion
// ("rather than"), not a reason for it, so it has no edge here.

// ---- statements
UNWIND [
  {id: 'us-should-seek-to-end-crisis', title: 'The US should work to end the crisis', text: 'Whether or not Russia joins NATO, the United States should genuinely seek to resolve the Russia-Ukraine crisis, including by talking to Russia, rather than use Ukraine to weaken Russia.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Position, s.role = 'Position', s.title = row.title, s.text = row.text
REMOVE s:Claim, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'russia-nato-must-coexist', title: 'Russia and NATO have to coexist', text: 'Whether or not Russia joins NATO, Russia and NATO have to live together on the same planet.'},
  {id: 'us-russia-talks-not-ripe', title: 'Not the time for US-Russia ministerial talks', text: 'The time is not ripe for the US and Russian foreign ministers to talk again.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Claim, s.role = 'Claim', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'space-cooperation-continues', title: 'US-Russian space cooperation continues', text: 'Even now, US-Russian cooperation in space continues.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Premise, s.role = 'Premise', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Rebuttal;

UNWIND [
  {id: 'talks-should-be-arranged-now', title: 'If talks are possible, arrange them now', text: 'If a call between the US and Russian foreign ministers is still possible, it should be arranged as soon as possible.'},
  {id: 'waiting-costs-ukraine', title: 'Waiting could cost Ukraine Kyiv or Odessa', text: 'Waiting for the "right time" to talk risks waiting until Russia has taken Kyiv or even Odessa and cut Ukraine off from the sea.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Rebuttal, s.role = 'Rebuttal', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Premise;

// ---- quotes
UNWIND [
  {id: 'src-will-russia-join-nato-8133-8332', statement: 'us-should-seek-to-end-crisis', source: 'src-will-russia-join-nato', start: 8133, end: 8332, quote: 'At this time, if the United States really pursues the goal of simply solving the Russian-Ukrainian crisis, rather than using Ukraine as a gunman to weaken Russia, it will naturally do something well.'},
  {id: 'src-will-russia-join-nato-7976-8083', statement: 'russia-nato-must-coexist', source: 'src-will-russia-join-nato', start: 7976, end: 8083, quote: 'But Xiaoyin wants to say that whether Russia joins NATO or not, Russia and NATO live together on the earth.'},
  {id: 'src-will-russia-join-nato-8084-8132', statement: 'space-cooperation-continues', source: 'src-will-russia-join-nato', start: 8084, end: 8132, quote: 'Even the US-Russian space cooperation continues.'},
  {id: 'src-will-russia-join-nato-4816-4954', statement: 'us-russia-talks-not-ripe', source: 'src-will-russia-join-nato', start: 4816, end: 4954, quote: 'US State Department spokesman Price said that the time for the foreign ministers of the United States and Russia to talk again is not ripe'},
  {id: 'src-will-russia-join-nato-5099-5172', statement: 'talks-should-be-arranged-now', source: 'src-will-russia-join-nato', start: 5099, end: 5172, quote: 'Since the call is still possible, why not arrange it as soon as possible?'},
  {id: 'src-will-russia-join-nato-5200-5441', statement: 'waiting-costs-ukraine', source: 'src-will-russia-join-nato', start: 5200, end: 5441, quote: 'Are you planning to wait until the Russians have withdrawn, or are they planning to wait until the Russians have conquered Kyiv, or even if they have conquered Odessa, completely depriving the Zelensky authorities of their access to the sea?', note: 'Rhetorical question.'}
] AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- relations, each with its :Link (basis and ARGUES as in 010)
UNWIND [
  {id: 'russia-nato-must-coexist~supports~us-should-seek-to-end-crisis', source: 'russia-nato-must-coexist', target: 'us-should-seek-to-end-crisis', basis: 'stated'},
  {id: 'space-cooperation-continues~supports~russia-nato-must-coexist', source: 'space-cooperation-continues', target: 'russia-nato-must-coexist', basis: 'stated'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

UNWIND [
  {id: 'us-russia-talks-not-ripe~refutes~us-should-seek-to-end-crisis', source: 'us-russia-talks-not-ripe', target: 'us-should-seek-to-end-crisis', basis: 'reconstructed', note: 'Price speaks about the next ministerial talk, not about the commentary\'s conclusion, which comes at its end. The analyst reads "not ripe" as the US stance the conclusion opposes, because the conclusion includes talking to Russia, which the commentary presses against Price ("why not arrange it as soon as possible?").'},
  {id: 'talks-should-be-arranged-now~refutes~us-russia-talks-not-ripe', source: 'talks-should-be-arranged-now', target: 'us-russia-talks-not-ripe', basis: 'stated'},
  {id: 'waiting-costs-ukraine~refutes~us-russia-talks-not-ripe', source: 'waiting-costs-ukraine', target: 'us-russia-talks-not-ripe', basis: 'stated'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- who argues each link
UNWIND [
  {person: 'xiaoyin', link: 'russia-nato-must-coexist~supports~us-should-seek-to-end-crisis'},
  {person: 'xiaoyin', link: 'space-cooperation-continues~supports~russia-nato-must-coexist'},
  {person: 'ned-price', link: 'us-russia-talks-not-ripe~refutes~us-should-seek-to-end-crisis'},
  {person: 'xiaoyin', link: 'talks-should-be-arranged-now~refutes~us-russia-talks-not-ripe'},
  {person: 'xiaoyin', link: 'waiting-costs-ukraine~refutes~us-russia-talks-not-ripe'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (l:Link {id: row.link})
MERGE (p)-[:ARGUES]->(l);

// ---- where the text makes each stated link (a span that is also a statement's quote is
// the same :Quote)
UNWIND [
  {id: 'src-will-russia-join-nato-7976-8083', link: 'russia-nato-must-coexist~supports~us-should-seek-to-end-crisis', source: 'src-will-russia-join-nato', start: 7976, end: 8083, quote: 'But Xiaoyin wants to say that whether Russia joins NATO or not, Russia and NATO live together on the earth.'},
  {id: 'src-will-russia-join-nato-8133-8332', link: 'russia-nato-must-coexist~supports~us-should-seek-to-end-crisis', source: 'src-will-russia-join-nato', start: 8133, end: 8332, quote: 'At this time, if the United States really pursues the goal of simply solving the Russian-Ukrainian crisis, rather than using Ukraine as a gunman to weaken Russia, it will naturally do something well.'},
  {id: 'src-will-russia-join-nato-7976-8083', link: 'space-cooperation-continues~supports~russia-nato-must-coexist', source: 'src-will-russia-join-nato', start: 7976, end: 8083, quote: 'But Xiaoyin wants to say that whether Russia joins NATO or not, Russia and NATO live together on the earth.'},
  {id: 'src-will-russia-join-nato-8084-8132', link: 'space-cooperation-continues~supports~russia-nato-must-coexist', source: 'src-will-russia-join-nato', start: 8084, end: 8132, quote: 'Even the US-Russian space cooperation continues.'},
  {id: 'src-will-russia-join-nato-4956-5172', link: 'talks-should-be-arranged-now~refutes~us-russia-talks-not-ripe', source: 'src-will-russia-join-nato', start: 4956, end: 5172, quote: 'US State Department What does this mean? Is it still possible for the foreign ministers of the United States and Russia to speak on the phone? Since the call is still possible, why not arrange it as soon as possible?', note: 'Machine translation: "US State Department" stands alone before the question.'},
  {id: 'src-will-russia-join-nato-5173-5441', link: 'waiting-costs-ukraine~refutes~us-russia-talks-not-ripe', source: 'src-will-russia-join-nato', start: 5173, end: 5441, quote: 'What is the time immature? Are you planning to wait until the Russians have withdrawn, or are they planning to wait until the Russians have conquered Kyiv, or even if they have conquered Odessa, completely depriving the Zelensky authorities of their access to the sea?', note: 'Rhetorical questions aimed at Price\'s "not ripe" ("the time immature").'}
] AS row
MATCH (l:Link {id: row.link})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (l)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- who asserts what
UNWIND [
  {person: 'xiaoyin', statement: 'us-should-seek-to-end-crisis'},
  {person: 'xiaoyin', statement: 'russia-nato-must-coexist'},
  {person: 'xiaoyin', statement: 'space-cooperation-continues'},
  {person: 'ned-price', statement: 'us-russia-talks-not-ripe'},
  {person: 'xiaoyin', statement: 'talks-should-be-arranged-now'},
  {person: 'xiaoyin', statement: 'waiting-costs-ukraine'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s);
