// 050 -- Should Russia be invited into NATO now? Colbert's "crazy idea", Blinken's answer
// (Russia turned membership down in the 1990s, to audience laughter), and the commentary's
// reply that this leaves the present-day question unanswered.
//
// Blinken answered a question about today with a fact about the 1990s. The map has no
// attacks on edges, so the step "Russia said no then, so the idea is not serious now" is
// its own Claim (russian-membership-not-serious): the commentary's objection attacks that
// step, not the historical claim of 020.

// ---- statements
UNWIND [
  {id: 'invite-russia-into-nato', title: 'Russia should be invited to join NATO', text: 'NATO should invite Russia to join; as a member, Russia would have nothing left to fear from NATO.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Position, s.role = 'Position', s.title = row.title, s.text = row.text
REMOVE s:Claim, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'membership-would-end-putins-worry', title: 'Membership would remove Putin\'s worries', text: 'If Russia were a member of NATO, Putin would no longer have reason to worry about the alliance.'},
  {id: 'russian-membership-not-serious', title: 'Inviting Russia is not a serious option', text: 'Inviting Russia into NATO is not a serious option today: Russia itself turned membership down, so the question can be dismissed.'},
  // Rhetorical question in the commentary, read as doubt about the prospect.
  {id: 'russia-has-no-chance-now', title: 'Russia has no real chance of joining NATO now', text: 'Russia currently has little or no chance of joining NATO.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Claim, s.role = 'Claim', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'blinken-sidestepped-present', title: 'Blinken left the present-day question unanswered', text: 'Blinken spoke only about the 1990s; he did not say what the West should do if Russia asked to join NATO now.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Rebuttal, s.role = 'Rebuttal', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Premise;

// ---- quotes
UNWIND [
  {id: 'src-blinken-colbert-1296-1393', statement: 'invite-russia-into-nato', source: 'src-blinken-colbert', start: 1296, end: 1393, quote: 'The host then suggested that Russia should be allowed to join NATO as a result of the crazy idea.', note: 'Garbled paraphrase: Colbert introduced the suggestion as "a crazy idea" (see the commentary\'s direct quotation); nothing follows "as a result of" it.'},
  {id: 'src-will-russia-join-nato-645-693', statement: 'invite-russia-into-nato', source: 'src-will-russia-join-nato', start: 645, end: 693, quote: 'I have a crazy idea, invite Russia to join NATO.'},
  {id: 'src-will-russia-join-nato-694-754', statement: 'membership-would-end-putins-worry', source: 'src-will-russia-join-nato', start: 694, end: 754, quote: 'What if Russia joins NATO? What does Putin worry about then?'},
  {id: 'src-blinken-colbert-1466-1557', statement: 'russian-membership-not-serious', source: 'src-blinken-colbert', start: 1466, end: 1557, quote: 'The Russians decided that wasn\'t what they wanted to do, he added, as the audience laughed.', note: 'Blinken\'s reply to the host\'s suggestion: he answers with the 1990s decision rather than the present-day question.'},
  {id: 'src-will-russia-join-nato-7921-7975', statement: 'russian-membership-not-serious', source: 'src-will-russia-join-nato', start: 7921, end: 7975, quote: 'Of course, he could consider this a false proposition.', note: 'The commentator\'s supposition about how Blinken would regard the present-day question, not a quotation of Blinken.'},
  {id: 'src-will-russia-join-nato-784-848', statement: 'russia-has-no-chance-now', source: 'src-will-russia-join-nato', start: 784, end: 848, quote: 'Does Russia currently have the slightest chance of joining NATO?', note: 'Rhetorical question.'},
  {id: 'src-will-russia-join-nato-7732-7816', statement: 'blinken-sidestepped-present', source: 'src-will-russia-join-nato', start: 7732, end: 7816, quote: 'But he did not answer, if Russia now proposes to join NATO, what should the West do.'}
] AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- edges
UNWIND [
  {id: 'membership-would-end-putins-worry~supports~invite-russia-into-nato', source: 'membership-would-end-putins-worry', target: 'invite-russia-into-nato'},
  {id: 'russia-chose-not-to-join~supports~russian-membership-not-serious', source: 'russia-chose-not-to-join', target: 'russian-membership-not-serious'},
  // Peskov (020): membership is "fundamentally impossible".
  {id: 'us-closed-door-to-russia~supports~russia-has-no-chance-now', source: 'us-closed-door-to-russia', target: 'russia-has-no-chance-now'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b);

UNWIND [
  {id: 'russian-membership-not-serious~refutes~invite-russia-into-nato', source: 'russian-membership-not-serious', target: 'invite-russia-into-nato'},
  {id: 'russia-has-no-chance-now~refutes~invite-russia-into-nato', source: 'russia-has-no-chance-now', target: 'invite-russia-into-nato'},
  {id: 'blinken-sidestepped-present~refutes~russian-membership-not-serious', source: 'blinken-sidestepped-present', target: 'russian-membership-not-serious'},
  // The commentary sets "why such a particular Turkey exists among NATO members" beside
  // Blinken's dismissal: an alliance that holds on to a non-EU member using Russian-made
  // weapons cannot call Russian membership absurd. The conclusion is implied, not stated.
  {id: 'nato-holds-on-to-turkey~refutes~russian-membership-not-serious', source: 'nato-holds-on-to-turkey', target: 'russian-membership-not-serious'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b);

// ---- who asserts what
// Blinken asserts the dismissal through his answer; the commentary spells it out.
UNWIND [
  {person: 'colbert', statement: 'invite-russia-into-nato'},
  {person: 'colbert', statement: 'membership-would-end-putins-worry'},
  {person: 'blinken', statement: 'russian-membership-not-serious'},
  {person: 'xiaoyin', statement: 'russia-has-no-chance-now'},
  {person: 'xiaoyin', statement: 'blinken-sidestepped-present'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s);
