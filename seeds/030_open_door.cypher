// 030 -- NATO's "open door": the US calls it essential; the news report notes the founding
// treaty has no such provision and lets any member block accession, which Turkey's threat
// to veto Finland and Sweden illustrates. The commentary's Turkey passages (why Turkey can
// resist US pressure, why NATO holds on to an unusual member) hang off the same dispute.

// ---- statements
UNWIND [
  {id: 'nato-open-door', title: 'NATO has an open-door policy', text: 'NATO has an open-door policy toward new members, and the policy is essential to the alliance.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Position, s.role = 'Position', s.title = row.title, s.text = row.text
REMOVE s:Claim, s:Premise, s:Rebuttal;

UNWIND [
  // The texts say "Turkey" threatened and was reluctant, so the threat is asserted by the
  // institutional turkish-government (002), not by Erdogan, whose own words are the PKK
  // premise below.
  {id: 'turkey-threatens-veto', title: 'Turkey threatens to veto Finland and Sweden', text: 'Turkey objects to Finland and Sweden joining NATO and has threatened to veto their applications.'},
  // The commentator imputes this to Erdogan by a rhetorical question; credited to the
  // commentator, who asks it.
  {id: 'nato-ignores-turkey-security', title: 'NATO ignores member Turkey\'s security concerns', text: 'NATO has not paid attention to the national security concerns of its own member Turkey.'},
  {id: 'nato-holds-on-to-turkey', title: 'NATO accommodates Turkey as an unusual member', text: 'NATO holds on to Turkey although Turkey is not in the EU and uses Russian-made weapons that NATO long opposed.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Claim, s.role = 'Claim', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'nordic-states-harbour-pkk', title: 'Finland and Sweden have PKK members in parliament', text: 'Finland and Sweden have members of the PKK, which Turkey lists as a terrorist organisation, in their parliaments.'},
  {id: 'nato-fields-russian-weapons', title: 'NATO members field Soviet and Russian-made arms', text: 'Some NATO members use Soviet- or Russian-made weapons: MiG-29 fighters in former Warsaw Pact states such as Poland, Soviet-made "Needle" missiles in Germany, and Russian-made S-400 missiles in Turkey.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Premise, s.role = 'Premise', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Rebuttal;

UNWIND [
  // Editorial statement of the news report ("even though ..."), credited to its author.
  {id: 'nato-treaty-lacks-open-door', title: 'NATO\'s founding treaty has no open-door clause', text: 'NATO\'s founding document contains no open-door provision, and it allows any member to block the accession of new members.'},
  {id: 'us-pressure-on-turkey', title: 'The US presses Turkey to drop its objection', text: 'Turkey should drop its objection to Finland and Sweden joining NATO; otherwise it may face US retaliation, and even its standing in NATO may not be guaranteed.'},
  {id: 'turkey-has-leverage', title: 'NATO needs Turkey as much as Turkey needs NATO', text: 'Turkey knows its own strength: it has the most powerful ground forces in NATO after the United States and controls the Bosphorus, so NATO needs Turkey at least as much as Turkey needs NATO, and US pressure has left Turkey unmoved.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Rebuttal, s.role = 'Rebuttal', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Premise;

// ---- quotes
UNWIND [
  {id: 'src-blinken-colbert-2927-2990', statement: 'nato-open-door', source: 'src-blinken-colbert', start: 2927, end: 2990, quote: 'The US claimed that the open-door policy was essential for NATO'},
  {id: 'src-blinken-colbert-2992-3112', statement: 'nato-treaty-lacks-open-door', source: 'src-blinken-colbert', start: 2992, end: 3112, quote: 'even though the founding document contains no such provision and allows any member to block the accession of new members'},
  {id: 'src-blinken-colbert-3114-3223', statement: 'turkey-threatens-veto', source: 'src-blinken-colbert', start: 3114, end: 3223, quote: 'The policy has taken on new relevance after Turkey threatened to veto the applications of Finland and Sweden.'},
  {id: 'src-will-russia-join-nato-5444-5523', statement: 'turkey-threatens-veto', source: 'src-will-russia-join-nato', start: 5444, end: 5523, quote: 'Currently, Finland and Sweden want to join NATO. But Turkey was very reluctant.'},
  {id: 'src-will-russia-join-nato-5524-5687', statement: 'nordic-states-harbour-pkk', source: 'src-will-russia-join-nato', start: 5524, end: 5687, quote: 'Turkish President Recep Tayyip Erdogan said the two Nordic countries had members of the PKK in their domestic parliaments. The PKK is on the terror list in Turkey.'},
  {id: 'src-will-russia-join-nato-6175-6299', statement: 'nato-ignores-turkey-security', source: 'src-will-russia-join-nato', start: 6175, end: 6299, quote: 'If you think about Erdogan’s thinking – NATO has not paid attention to the national security concerns of Turkey as a member?', note: 'Rhetorical question in which the commentator imputes this view to Erdogan.'},
  {id: 'src-will-russia-join-nato-6358-6586', statement: 'us-pressure-on-turkey', source: 'src-will-russia-join-nato', start: 6358, end: 6586, quote: 'The United States even issued a warning to Turkey, claiming that if Turkey does not succumb to the United States, it may face retaliation by the United States at that time, and even its NATO qualifications may not be guaranteed.', note: 'Reported by the commentary after "some foreign media"; no US official is named.'},
  {id: 'src-will-russia-join-nato-6045-6154', statement: 'us-pressure-on-turkey', source: 'src-will-russia-join-nato', start: 6045, end: 6154, quote: 'he was obviously encouraging these two countries to join NATO and putting pressure on Turkey at the same time', note: 'The commentator\'s reading of Biden\'s White House meeting with the Finnish President and the Swedish Prime Minister.'},
  {id: 'src-will-russia-join-nato-6107-6173', statement: 'turkey-has-leverage', source: 'src-will-russia-join-nato', start: 6107, end: 6173, quote: 'and putting pressure on Turkey at the same time. It seems unmoved.', note: 'Overlaps the quote on us-pressure-on-turkey: "It seems unmoved" is the commentator\'s verdict on that pressure.'},
  {id: 'src-will-russia-join-nato-6652-6754', statement: 'turkey-has-leverage', source: 'src-will-russia-join-nato', start: 6652, end: 6754, quote: 'The question is, do these media really not know that Turkey has a real perception of its own strength?'},
  {id: 'src-will-russia-join-nato-6755-6973', statement: 'turkey-has-leverage', source: 'src-will-russia-join-nato', start: 6755, end: 6973, quote: 'Turkey has the most powerful ground forces in NATO other than the United States, and controls the Bosphorus, the throat of Asia and Europe. Does NATO need Turkey more or Turkey needs NATO more? It’s really hard to say.'},
  {id: 'src-will-russia-join-nato-6975-7069', statement: 'nato-holds-on-to-turkey', source: 'src-will-russia-join-nato', start: 6975, end: 7069, quote: 'So far, Turkey does not even have the status of an EU state, but NATO is holding on to Turkey.'},
  {id: 'src-will-russia-join-nato-7570-7668', statement: 'nato-holds-on-to-turkey', source: 'src-will-russia-join-nato', start: 7570, end: 7668, quote: 'Blinken did not discuss on “The Late Show” why such a particular Turkey exists among NATO members.'},
  {id: 'src-will-russia-join-nato-7459-7568', statement: 'nato-holds-on-to-turkey', source: 'src-will-russia-join-nato', start: 7459, end: 7568, quote: 'Why did NATO oppose it for a long time or silently admit that Turkey possesses and uses Russian-made weapons?'},
  {id: 'src-will-russia-join-nato-7071-7180', statement: 'nato-fields-russian-weapons', source: 'src-will-russia-join-nato', start: 7071, end: 7180, quote: 'Xiaoyin can’t help but think of one thing – is there any Russian-made equipment in NATO?\n\nOf course there is.'},
  {id: 'src-will-russia-join-nato-7182-7443', statement: 'nato-fields-russian-weapons', source: 'src-will-russia-join-nato', start: 7182, end: 7443, quote: 'In addition to the MiG-29 fighters owned by some former Warsaw Pact countries such as Poland, including the Soviet-made “Needle” missiles owned by Germany, which are close to or have been sealed, the Russian-made S400 missiles owned by Turkey are at the moment.', note: 'Garbled machine translation; the sentence breaks off ("are at the moment. year of fight.").'}
] AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- relations, each with its :Link (basis and ARGUES as in 010)
UNWIND [
  {id: 'us-left-door-open~supports~nato-open-door', source: 'us-left-door-open', target: 'nato-open-door', basis: 'reconstructed', note: 'Clinton speaks of the door the US left open for Russia (020); the report brings up the open-door policy later, as a claim of "the US", without reference to him. The analyst reads his case as the policy applied to Russia.'},
  // The report puts the treaty's blocking rule and Turkey's threat in consecutive sentences.
  {id: 'turkey-threatens-veto~supports~nato-treaty-lacks-open-door', source: 'turkey-threatens-veto', target: 'nato-treaty-lacks-open-door', basis: 'stated', note: 'The report follows "allows any member to block the accession of new members" with Turkey\'s threat to veto: the rule at work. It supports the second half of the statement, not the missing provision.'},
  {id: 'nordic-states-harbour-pkk~supports~turkey-threatens-veto', source: 'nordic-states-harbour-pkk', target: 'turkey-threatens-veto', basis: 'stated'},
  {id: 'nato-ignores-turkey-security~supports~turkey-threatens-veto', source: 'nato-ignores-turkey-security', target: 'turkey-threatens-veto', basis: 'stated'},
  {id: 'turkey-has-leverage~supports~nato-holds-on-to-turkey', source: 'turkey-has-leverage', target: 'nato-holds-on-to-turkey', basis: 'stated'},
  {id: 'nato-fields-russian-weapons~supports~nato-holds-on-to-turkey', source: 'nato-fields-russian-weapons', target: 'nato-holds-on-to-turkey', basis: 'stated'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

UNWIND [
  {id: 'nato-treaty-lacks-open-door~refutes~nato-open-door', source: 'nato-treaty-lacks-open-door', target: 'nato-open-door', basis: 'stated'},
  {id: 'us-closed-door-to-russia~refutes~nato-open-door', source: 'us-closed-door-to-russia', target: 'nato-open-door', basis: 'reconstructed', note: 'Peskov answers Clinton\'s "door left open" for Russia (020), not the open-door policy, which the report raises later as the US\'s claim. The analyst reads "the doors ... are closed" for Russia as denying that NATO\'s door is open to all.'},
  {id: 'us-pressure-on-turkey~refutes~turkey-threatens-veto', source: 'us-pressure-on-turkey', target: 'turkey-threatens-veto', basis: 'stated'},
  {id: 'turkey-has-leverage~refutes~us-pressure-on-turkey', source: 'turkey-has-leverage', target: 'us-pressure-on-turkey', basis: 'stated'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- who argues each link
// Erdogan gives the PKK as Turkey's reason; the commentator imputes the neglected security
// concerns, and argues Turkey's leverage and NATO's accommodation of it.
UNWIND [
  {person: 'bill-clinton', link: 'us-left-door-open~supports~nato-open-door'},
  {person: 'news-report-author', link: 'turkey-threatens-veto~supports~nato-treaty-lacks-open-door'},
  {person: 'erdogan', link: 'nordic-states-harbour-pkk~supports~turkey-threatens-veto'},
  {person: 'xiaoyin', link: 'nato-ignores-turkey-security~supports~turkey-threatens-veto'},
  {person: 'xiaoyin', link: 'turkey-has-leverage~supports~nato-holds-on-to-turkey'},
  {person: 'xiaoyin', link: 'nato-fields-russian-weapons~supports~nato-holds-on-to-turkey'},
  {person: 'news-report-author', link: 'nato-treaty-lacks-open-door~refutes~nato-open-door'},
  {person: 'peskov', link: 'us-closed-door-to-russia~refutes~nato-open-door'},
  {person: 'us-government', link: 'us-pressure-on-turkey~refutes~turkey-threatens-veto'},
  {person: 'xiaoyin', link: 'turkey-has-leverage~refutes~us-pressure-on-turkey'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (l:Link {id: row.link})
MERGE (p)-[:ARGUES]->(l);

// ---- where the text makes each stated link (a span that is also a statement's quote is
// the same :Quote)
UNWIND [
  {id: 'src-blinken-colbert-2992-3223', link: 'turkey-threatens-veto~supports~nato-treaty-lacks-open-door', source: 'src-blinken-colbert', start: 2992, end: 3223, quote: 'even though the founding document contains no such provision and allows any member to block the accession of new members. The policy has taken on new relevance after Turkey threatened to veto the applications of Finland and Sweden.'},
  {id: 'src-will-russia-join-nato-5493-5646', link: 'nordic-states-harbour-pkk~supports~turkey-threatens-veto', source: 'src-will-russia-join-nato', start: 5493, end: 5646, quote: 'But Turkey was very reluctant. Turkish President Recep Tayyip Erdogan said the two Nordic countries had members of the PKK in their domestic parliaments.'},
  {id: 'src-will-russia-join-nato-6175-6299', link: 'nato-ignores-turkey-security~supports~turkey-threatens-veto', source: 'src-will-russia-join-nato', start: 6175, end: 6299, quote: 'If you think about Erdogan’s thinking – NATO has not paid attention to the national security concerns of Turkey as a member?'},
  {id: 'src-will-russia-join-nato-6755-7069', link: 'turkey-has-leverage~supports~nato-holds-on-to-turkey', source: 'src-will-russia-join-nato', start: 6755, end: 7069, quote: 'Turkey has the most powerful ground forces in NATO other than the United States, and controls the Bosphorus, the throat of Asia and Europe. Does NATO need Turkey more or Turkey needs NATO more? It’s really hard to say.\n\nSo far, Turkey does not even have the status of an EU state, but NATO is holding on to Turkey.'},
  {id: 'src-will-russia-join-nato-7459-7568', link: 'nato-fields-russian-weapons~supports~nato-holds-on-to-turkey', source: 'src-will-russia-join-nato', start: 7459, end: 7568, quote: 'Why did NATO oppose it for a long time or silently admit that Turkey possesses and uses Russian-made weapons?'},
  {id: 'src-blinken-colbert-2927-3113', link: 'nato-treaty-lacks-open-door~refutes~nato-open-door', source: 'src-blinken-colbert', start: 2927, end: 3113, quote: 'The US claimed that the open-door policy was essential for NATO, even though the founding document contains no such provision and allows any member to block the accession of new members.'},
  {id: 'src-will-russia-join-nato-6358-6586', link: 'us-pressure-on-turkey~refutes~turkey-threatens-veto', source: 'src-will-russia-join-nato', start: 6358, end: 6586, quote: 'The United States even issued a warning to Turkey, claiming that if Turkey does not succumb to the United States, it may face retaliation by the United States at that time, and even its NATO qualifications may not be guaranteed.'},
  {id: 'src-will-russia-join-nato-6107-6173', link: 'turkey-has-leverage~refutes~us-pressure-on-turkey', source: 'src-will-russia-join-nato', start: 6107, end: 6173, quote: 'and putting pressure on Turkey at the same time. It seems unmoved.'},
  {id: 'src-will-russia-join-nato-6652-6754', link: 'turkey-has-leverage~refutes~us-pressure-on-turkey', source: 'src-will-russia-join-nato', start: 6652, end: 6754, quote: 'The question is, do these media really not know that Turkey has a real perception of its own strength?'}
] AS row
MATCH (l:Link {id: row.link})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (l)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- who asserts what
UNWIND [
  {person: 'us-government', statement: 'nato-open-door'},
  {person: 'news-report-author', statement: 'nato-treaty-lacks-open-door'},
  {person: 'turkish-government', statement: 'turkey-threatens-veto'},
  {person: 'news-report-author', statement: 'turkey-threatens-veto'},
  {person: 'xiaoyin', statement: 'turkey-threatens-veto'},
  {person: 'erdogan', statement: 'nordic-states-harbour-pkk'},
  {person: 'xiaoyin', statement: 'nato-ignores-turkey-security'},
  {person: 'us-government', statement: 'us-pressure-on-turkey'},
  {person: 'xiaoyin', statement: 'turkey-has-leverage'},
  {person: 'xiaoyin', statement: 'nato-holds-on-to-turkey'},
  {person: 'xiaoyin', statement: 'nato-fields-russian-weapons'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s);
