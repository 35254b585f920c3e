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

// ---- edges
// Clinton's "left the door open" (020) is the open door applied to Russia; Turkey's veto
// threat shows the treaty's unanimity rule at work.
UNWIND [
  {id: 'us-left-door-open~supports~nato-open-door', source: 'us-left-door-open', target: 'nato-open-door'},
  {id: 'turkey-threatens-veto~supports~nato-treaty-lacks-open-door', source: 'turkey-threatens-veto', target: 'nato-treaty-lacks-open-door'},
  {id: 'nordic-states-harbour-pkk~supports~turkey-threatens-veto', source: 'nordic-states-harbour-pkk', target: 'turkey-threatens-veto'},
  {id: 'nato-ignores-turkey-security~supports~turkey-threatens-veto', source: 'nato-ignores-turkey-security', target: 'turkey-threatens-veto'},
  {id: 'turkey-has-leverage~supports~nato-holds-on-to-turkey', source: 'turkey-has-leverage', target: 'nato-holds-on-to-turkey'},
  {id: 'nato-fields-russian-weapons~supports~nato-holds-on-to-turkey', source: 'nato-fields-russian-weapons', target: 'nato-holds-on-to-turkey'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b);

UNWIND [
  {id: 'nato-treaty-lacks-open-door~refutes~nato-open-door', source: 'nato-treaty-lacks-open-door', target: 'nato-open-door'},
  // Peskov (020): for Russia the door was closed.
  {id: 'us-closed-door-to-russia~refutes~nato-open-door', source: 'us-closed-door-to-russia', target: 'nato-open-door'},
  {id: 'us-pressure-on-turkey~refutes~turkey-threatens-veto', source: 'us-pressure-on-turkey', target: 'turkey-threatens-veto'},
  {id: 'turkey-has-leverage~refutes~us-pressure-on-turkey', source: 'turkey-has-leverage', target: 'us-pressure-on-turkey'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b);

// ---- who asserts what
UNWIND [
  {person: 'us-government', statement: 'nato-open-door'},
  {person: 'news-report-author', statement: 'nato-treaty-lacks-open-door'},
  {person: 'erdogan', statement: 'turkey-threatens-veto'},
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
