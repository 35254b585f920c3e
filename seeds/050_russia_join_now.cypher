// 050 -- Should Russia be invited into NATO now? Colbert's "crazy idea", Blinken's answer
// (Russia turned membership down in the 1990s, to audience laughter), and the commentary's
// reply that this leaves the present-day question unanswered.
//
// Blinken answered a question about today with a fact about the 1990s. That answer is the
// relation russia-chose-not-to-join~refutes~invite-russia-into-nato, stated (he answers the
// host). The commentary's objection ("he did not answer, if Russia now proposes to join
// NATO, what should the West do") attacks the step from "then" to "now": it UNDERCUTS that
// relation and leaves the historical claim of 020 alone. (Before relations could be
// undercut, the step was an invented claim, "russian-membership-not-serious", asserted by
// Blinken, who never says it; it is gone.)

// ---- statements
UNWIND [
  {id: 'invite-russia-into-nato', title: 'Russia should be invited to join NATO', text: 'NATO should invite Russia to join; as a member, Russia would have nothing left to fear from NATO.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Position, s.role = 'Position', s.title = row.title, s.text = row.text
REMOVE s:Claim, s:Premise, s:Rebuttal;

UNWIND [
  {id: 'membership-would-end-putins-worry', title: 'Membership would remove Putin\'s worries', text: 'If Russia were a member of NATO, Putin would no longer have reason to worry about the alliance.'},
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
  {id: 'src-will-russia-join-nato-784-848', statement: 'russia-has-no-chance-now', source: 'src-will-russia-join-nato', start: 784, end: 848, quote: 'Does Russia currently have the slightest chance of joining NATO?', note: 'Rhetorical question.'},
  {id: 'src-will-russia-join-nato-7732-7816', statement: 'blinken-sidestepped-present', source: 'src-will-russia-join-nato', start: 7732, end: 7816, quote: 'But he did not answer, if Russia now proposes to join NATO, what should the West do.'}
] AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- relations, each with its :Link (basis and ARGUES as in 010)
UNWIND [
  {id: 'membership-would-end-putins-worry~supports~invite-russia-into-nato', source: 'membership-would-end-putins-worry', target: 'invite-russia-into-nato', basis: 'stated'},
  // Peskov (020): membership is "fundamentally impossible".
  {id: 'us-closed-door-to-russia~supports~russia-has-no-chance-now', source: 'us-closed-door-to-russia', target: 'russia-has-no-chance-now', basis: 'reconstructed', note: 'Peskov says the doors "are closed because it is fundamentally impossible" (020); the commentary\'s doubt ("Does Russia currently have the slightest chance of joining NATO?") does not cite him. The analyst reads his words as a ground for the doubt.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

UNWIND [
  // Blinken's answer to the host's suggestion, to audience laughter.
  {id: 'russia-chose-not-to-join~refutes~invite-russia-into-nato', source: 'russia-chose-not-to-join', target: 'invite-russia-into-nato', basis: 'stated'},
  {id: 'russia-has-no-chance-now~refutes~invite-russia-into-nato', source: 'russia-has-no-chance-now', target: 'invite-russia-into-nato', basis: 'stated'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- undercuts: a statement attacking a relation's inference, not either of its ends
UNWIND [
  {id: 'blinken-sidestepped-present~undercuts~russia-chose-not-to-join~refutes~invite-russia-into-nato', source: 'blinken-sidestepped-present', target: 'russia-chose-not-to-join~refutes~invite-russia-into-nato', basis: 'stated'},
  {id: 'nato-holds-on-to-turkey~undercuts~russia-chose-not-to-join~refutes~invite-russia-into-nato', source: 'nato-holds-on-to-turkey', target: 'russia-chose-not-to-join~refutes~invite-russia-into-nato', basis: 'reconstructed', note: 'The commentary names "why such a particular Turkey exists among NATO members" as one more thing Blinken did not discuss, right before his answer about Russia, without saying how it bears on Russia. The analyst reads it as: an alliance that holds on to a non-EU member fielding Russian-made weapons admits members for present interests, so Russia\'s choice in the 1990s does not settle whether to invite it now. A loose reading.'}
] AS row
MATCH (u:Statement {id: row.source})
MATCH (target:Link {id: row.target})
MERGE (u)-[r:UNDERCUTS {id: row.id}]->(target)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- who argues each link
UNWIND [
  {person: 'colbert', link: 'membership-would-end-putins-worry~supports~invite-russia-into-nato'},
  {person: 'peskov', link: 'us-closed-door-to-russia~supports~russia-has-no-chance-now'},
  {person: 'blinken', link: 'russia-chose-not-to-join~refutes~invite-russia-into-nato'},
  {person: 'xiaoyin', link: 'russia-has-no-chance-now~refutes~invite-russia-into-nato'},
  {person: 'xiaoyin', link: 'blinken-sidestepped-present~undercuts~russia-chose-not-to-join~refutes~invite-russia-into-nato'},
  {person: 'xiaoyin', link: 'nato-holds-on-to-turkey~undercuts~russia-chose-not-to-join~refutes~invite-russia-into-nato'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (l:Link {id: row.link})
MERGE (p)-[:ARGUES]->(l);

// ---- where the text makes each stated link (a span that is also a statement's quote is
// the same :Quote)
UNWIND [
  {id: 'src-will-russia-join-nato-644-755', link: 'membership-would-end-putins-worry~supports~invite-russia-into-nato', source: 'src-will-russia-join-nato', start: 644, end: 755, quote: '“I have a crazy idea, invite Russia to join NATO. What if Russia joins NATO? What does Putin worry about then?”'},
  {id: 'src-blinken-colbert-1466-1557', link: 'russia-chose-not-to-join~refutes~invite-russia-into-nato', source: 'src-blinken-colbert', start: 1466, end: 1557, quote: 'The Russians decided that wasn\'t what they wanted to do, he added, as the audience laughed.', note: 'Blinken\'s reply to the host\'s suggestion: he answers with the 1990s decision rather than the present-day question.'},
  {id: 'src-will-russia-join-nato-1169-1286', link: 'russia-chose-not-to-join~refutes~invite-russia-into-nato', source: 'src-will-russia-join-nato', start: 1169, end: 1286, quote: 'Colbert pressed, “And then what?”\n\nBlinken continued: “Well, the Russians later decided they didn’t want to do that.”'},
  {id: 'src-will-russia-join-nato-758-848', link: 'russia-has-no-chance-now~refutes~invite-russia-into-nato', source: 'src-will-russia-join-nato', start: 758, end: 848, quote: 'Is Kobel’s brain opening? Does Russia currently have the slightest chance of joining NATO?', note: 'The commentary\'s first reaction to Colbert\'s idea. "Kobel" renders Colbert; "Is Kobel’s brain opening?" apparently asks whether he is being open-minded (a caption below asks "Is Kobel an open mind?").'},
  {id: 'src-will-russia-join-nato-7669-7731', link: 'blinken-sidestepped-present~undercuts~russia-chose-not-to-join~refutes~invite-russia-into-nato', source: 'src-will-russia-join-nato', start: 7669, end: 7731, quote: 'He also said that Russia was unwilling to join NATO back then.'},
  {id: 'src-will-russia-join-nato-7732-7816', link: 'blinken-sidestepped-present~undercuts~russia-chose-not-to-join~refutes~invite-russia-into-nato', source: 'src-will-russia-join-nato', start: 7732, end: 7816, quote: 'But he did not answer, if Russia now proposes to join NATO, what should the West do.'}
] AS row
MATCH (l:Link {id: row.link})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (l)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- who asserts what
UNWIND [
  {person: 'colbert', statement: 'invite-russia-into-nato'},
  {person: 'colbert', statement: 'membership-would-end-putins-worry'},
  {person: 'xiaoyin', statement: 'russia-has-no-chance-now'},
  {person: 'xiaoyin', statement: 'blinken-sidestepped-present'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s);
