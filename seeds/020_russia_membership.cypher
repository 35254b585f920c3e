// 020 -- Russia and NATO membership in the 1990s and 2000s: did Russia choose not to join
// (Blinken, Bill Clinton and "a number of US officials"), or did the West keep it out
// (Putin, Peskov, and the commentary)?
//
// The news report is a machine paraphrase. Its headline ("Putin says Russia decided to join
// NATO in 1990s") says the opposite of its body, and one sentence has Blinken's statement
// contradicting Blinken. Such passages carry a `note` on their quote and are attached only
// to what they can support; nothing is inferred from the garbling itself.

// ---- statements
UNWIND [
  {id: 'russia-chose-not-to-join', title: 'Russia chose not to join NATO in the 1990s', text: 'In the 1990s Russian membership of NATO was a possibility, but Russia itself decided that it did not want to join.'},
  {id: 'west-kept-russia-out', title: 'The West kept Russia out of NATO', text: 'Russia tried to join NATO, but the West stonewalled its attempts.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Position, s.role = 'Position', s.title = row.title, s.text = row.text
REMOVE s:Claim, s:Premise, s:Rebuttal;

UNWIND [
  // Russia's own claim, as Putin and the commentary make it. The Soviet precedent is only in
  // Robertson's account (gorbachev-soviet-interested), so it is not put in Putin's mouth here.
  {id: 'russia-sought-membership', title: 'Russia wanted to join NATO', text: 'Russia wanted to join NATO and raised the possibility with the West.'},
  {id: 'us-left-door-open', title: 'The US left the door open to Russian membership', text: 'The United States left the door open for Russia\'s eventual membership of NATO.'},
  {id: 'nato-expansion-not-about-russia', title: 'NATO expansion was about more than Russia', text: 'NATO expanded despite Russia\'s objections, but the expansion was about more than the US relationship with Russia.'},
  {id: 'clinton-response-restrained', title: 'The US response to Putin was very restrained', text: 'When Putin asked about Russian membership of NATO, the US side\'s response was very restrained and the US delegation seemed apprehensive.'},
  {id: 'us-obstructed-russian-accession', title: 'The US repeatedly tried to block Russian accession', text: 'When Russia and European countries discussed Russia\'s accession to NATO, the United States repeatedly tried to prevent it.'},
  {id: 'west-always-rebuffed-russia', title: 'The West has always rebuffed Russia', text: 'For centuries Russia has tried to win the West\'s favour, notably under Peter the Great, and has been rejected and snubbed every time.'},
  // Credited to the commentator: the sentence follows Putin's account but is not
  // presented as his words.
  {id: 'hillary-hitler-remark-ended-talks', title: 'Clinton\'s "modern Hitler" remark ended the talks', text: 'Over the Crimea crisis, Hillary Clinton called Putin a "modern Hitler", and all negotiations between them ended.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Claim, s.role = 'Claim', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Premise, s:Rebuttal;

UNWIND [
  // Blinken's concession ("even though people talked about it"). The commentary turns it
  // against him ("confirms half of the facts"): that support of the Russian side is argued
  // by Xiaoyin, not by Blinken (see ARGUES below).
  {id: 'membership-discussed-1990s', title: 'Russian NATO membership was discussed in the 1990s', text: 'In the 1990s, Russia joining NATO was discussed.'},
  // Robertson's account, reported second-hand by Oliver Stone. The Yeltsin and Gorbachev
  // statements give the content of what Robertson says they signalled, so Yeltsin and
  // Gorbachev assert them too.
  {id: 'putin-proposed-joining', title: 'Putin proposed joining NATO around 2000', text: 'When Putin succeeded Yeltsin as Russia\'s leader, at a time when the West was eager to deal with him, he proposed that Russia join NATO.'},
  {id: 'yeltsin-russia-interested', title: 'Under Yeltsin, Russia was interested in joining', text: 'Russia is interested in joining NATO, as President Boris Yeltsin made clear.'},
  {id: 'gorbachev-soviet-interested', title: 'Gorbachev hinted at Soviet interest in joining', text: 'The Soviet Union is interested in joining NATO, as President Mikhail Gorbachev hinted.'},
  {id: 'putin-asked-clinton-2000', title: 'Putin asked Clinton in 2000 about Russian membership', text: 'During Bill Clinton\'s visit to Moscow in 2000, Putin asked him how the United States would react if Russia asked to join NATO.'},
  {id: 'putin-hillary-talks-cordial', title: 'Putin and Hillary Clinton had cordial talks', text: 'When Hillary Clinton was US Secretary of State, she and Putin had a cordial conversation on international affairs, and Putin thought they might reach an agreement.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Premise, s.role = 'Premise', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Rebuttal;

UNWIND [
  {id: 'clinton-disputes-putin-account', title: 'Clinton disputes Putin\'s account of their talks', text: 'Putin\'s accounts of his exchanges with Bill Clinton about Russia and NATO are inaccurate.'},
  {id: 'us-closed-door-to-russia', title: 'The US called Russian membership impossible', text: 'The US side spoke for a long time of Russian membership of NATO as impossible: the door was closed, not open, because membership was fundamentally impossible.'},
  // The commentary's sentence is split in two by the machine translation; "Russia wasted
  // its great potential" is read as the end of Clinton's answer (see the quote's note).
  {id: 'hillary-denies-hitler-remark', title: 'Hillary Clinton denies calling Putin "modern Hitler"', text: 'Hillary Clinton did not directly call Putin a "modern Hitler"; she said that Russia\'s annexation of Crimea was reminiscent of what Germany did in the 1930s, and that Russia had wasted its great potential.'}
] AS row
MERGE (s:Statement {id: row.id})
SET s:Rebuttal, s.role = 'Rebuttal', s.title = row.title, s.text = row.text
REMOVE s:Position, s:Claim, s:Premise;

// ---- quotes
UNWIND [
  {id: 'src-blinken-colbert-273-470', statement: 'russia-chose-not-to-join', source: 'src-blinken-colbert', start: 273, end: 470, quote: 'Russia decided that it didn\'t want to join NATO in the 1990s even though people talked about it, said US Secretary of State Antony Blinken, who spoke to television host Stephen Colbert on Thursday.'},
  {id: 'src-blinken-colbert-1559-1727', statement: 'russia-chose-not-to-join', source: 'src-blinken-colbert', start: 1559, end: 1727, quote: 'The same claim that Russia had a chance to become a NATO member but declined to do so has been made by a number of US officials, including former President Bill Clinton'},
  {id: 'src-blinken-colbert-1466-1557', statement: 'russia-chose-not-to-join', source: 'src-blinken-colbert', start: 1466, end: 1557, quote: 'The Russians decided that wasn\'t what they wanted to do, he added, as the audience laughed.', note: 'Blinken\'s reply to the host\'s suggestion: he answers with the 1990s decision rather than the present-day question.'},
  {id: 'src-will-russia-join-nato-1204-1286', statement: 'russia-chose-not-to-join', source: 'src-will-russia-join-nato', start: 1204, end: 1286, quote: 'Blinken continued: “Well, the Russians later decided they didn’t want to do that.”'},
  {id: 'src-will-russia-join-nato-7669-7731', statement: 'russia-chose-not-to-join', source: 'src-will-russia-join-nato', start: 7669, end: 7731, quote: 'He also said that Russia was unwilling to join NATO back then.'},
  {id: 'src-blinken-colbert-471-615', statement: 'west-kept-russia-out', source: 'src-blinken-colbert', start: 471, end: 615, quote: 'Russian officials, including President Vladimir Putin, have maintained that their nation\'s attempt to join the bloc was stonewalled by the West.'},
  {id: 'src-blinken-colbert-98-271', statement: 'west-kept-russia-out', source: 'src-blinken-colbert', start: 98, end: 271, quote: 'Russian President Vladimir Putin previously said that the statement by US Secretary of State Antony Blinken contradicts what is said by US Secretary of State Antony Blinken.', note: 'Self-contradictory machine paraphrase: as written, Blinken\'s statement contradicts what Blinken says. The text supports only that Putin had earlier said something at odds with Blinken\'s account, i.e. the Russian counter-position; nothing more is read into it.'},
  {id: 'src-blinken-colbert-0-47', statement: 'russia-sought-membership', source: 'src-blinken-colbert', start: 0, end: 47, quote: 'Putin says Russia decided to join NATO in 1990s', note: 'Headline (printed twice; this is the first). Machine paraphrase that contradicts the body, which reports Blinken saying Russia decided NOT to join. Read literally it has Putin saying Russia sought membership, which matches the Russian position the body reports ("their nation\'s attempt to join the bloc"); it is not evidence of a separate Putin statement.'},
  {id: 'src-will-russia-join-nato-1316-1420', statement: 'russia-sought-membership', source: 'src-will-russia-join-nato', start: 1316, end: 1420, quote: 'In Xiaoyin’s view, Blinken’s statement confirms half of the facts, that is, Russia did want to join NATO'},
  {id: 'src-will-russia-join-nato-3517-3609', statement: 'russia-sought-membership', source: 'src-will-russia-join-nato', start: 3517, end: 3609, quote: 'it was indeed a sigh that he was reminded by Kobel that Russia wanted to participate in NATO', note: '"Kobel" is the machine translation\'s rendering of Colbert.'},
  {id: 'src-blinken-colbert-1394-1465', statement: 'membership-discussed-1990s', source: 'src-blinken-colbert', start: 1394, end: 1465, quote: 'In the 1990s, Blinken said that was something that people talked about.'},
  {id: 'src-will-russia-join-nato-1112-1166', statement: 'membership-discussed-1990s', source: 'src-will-russia-join-nato', start: 1112, end: 1166, quote: 'You know what? In the 1990s, people did talk about it.'},
  {id: 'src-will-russia-join-nato-2022-2358', statement: 'putin-proposed-joining', source: 'src-will-russia-join-nato', start: 2022, end: 2358, quote: 'American film director Oliver Stone once revealed that George Robertson, the former British defense secretary who served as NATO secretary general at the beginning of this century, once told him, “When Putin replaced the drunken Yeltsin as Russia’s leader, the West was eager to deal with him. At that time, Putin proposed to join NATO.', note: 'Second-hand: Oliver Stone recounting what George Robertson told him. The quotation opened here is never closed in the text.'},
  {id: 'src-will-russia-join-nato-2359-2462', statement: 'yeltsin-russia-interested', source: 'src-will-russia-join-nato', start: 2359, end: 2462, quote: 'Before, as Russian President Boris Yeltsin, he made it clear that Russia is interested in joining NATO.', note: 'Garbled machine translation: "he" is Yeltsin (as written it reads as if Putin had been Yeltsin). Still part of Robertson\'s account as relayed by Stone.'},
  {id: 'src-will-russia-join-nato-2463-2572', statement: 'gorbachev-soviet-interested', source: 'src-will-russia-join-nato', start: 2463, end: 2572, quote: 'Previously, as Soviet President Mikhail Gorbachev had hinted The Soviet Union was interested in joining NATO.', note: 'Garbled machine translation; still part of Robertson\'s account as relayed by Stone.'},
  {id: 'src-blinken-colbert-1853-2018', statement: 'putin-asked-clinton-2000', source: 'src-blinken-colbert', start: 1853, end: 2018, quote: 'In February, Putin remembered how during Clinton\'s visit to Moscow in 2000, he asked his guest how the US would react if Russia asked for membership in the alliance.'},
  {id: 'src-will-russia-join-nato-1817-1941', statement: 'putin-asked-clinton-2000', source: 'src-will-russia-join-nato', start: 1817, end: 1941, quote: 'Russian President Vladimir Putin also revealed that he had discussed Russia’s entry into NATO with then-US President Clinton'},
  {id: 'src-blinken-colbert-2019-2080', statement: 'clinton-response-restrained', source: 'src-blinken-colbert', start: 2019, end: 2080, quote: 'He said that the response to my question was very restrained.', note: 'The paraphrase mixes reported and direct speech ("He said ... my question"): Putin is speaking.'},
  {id: 'src-will-russia-join-nato-1943-1995', statement: 'clinton-response-restrained', source: 'src-will-russia-join-nato', start: 1943, end: 1995, quote: 'and the US delegation’s performance was apprehensive'},
  {id: 'src-blinken-colbert-1729-1850', statement: 'clinton-disputes-putin-account', source: 'src-blinken-colbert', start: 1729, end: 1850, quote: 'who wrote a Russia-blasting op-ed last month that mentioned the issue but disputed Putin\'s accounts of exchanges with him'},
  {id: 'src-blinken-colbert-2082-2233', statement: 'nato-expansion-not-about-russia', source: 'src-blinken-colbert', start: 2082, end: 2233, quote: 'The former US leader wrote in his response that NATO expanded despite Russia\'s objections, but expansion was more than the US relationship with Russia.'},
  {id: 'src-blinken-colbert-2234-2314', statement: 'us-left-door-open', source: 'src-blinken-colbert', start: 2234, end: 2314, quote: 'He said that the US left the door open for Russia\'s eventual membership in NATO.'},
  {id: 'src-blinken-colbert-2315-2405', statement: 'us-closed-door-to-russia', source: 'src-blinken-colbert', start: 2315, end: 2405, quote: 'Dmitry Peskov, Kremlin spokesman, commented on Clinton\'s article in more definitive terms.'},
  {id: 'src-blinken-colbert-2407-2587', statement: 'us-closed-door-to-russia', source: 'src-blinken-colbert', start: 2407, end: 2587, quote: 'The American side has spoken about the impossibility of such membership for a long time. He said that the doors, on the contrary, are closed because it is fundamentally impossible.'},
  {id: 'src-will-russia-join-nato-1655-1816', statement: 'us-obstructed-russian-accession', source: 'src-will-russia-join-nato', start: 1655, end: 1816, quote: 'He said that when Russia and Europe were talking about Russia’s accession to NATO, the United States repeatedly threatened to try to prevent this from happening.'},
  {id: 'src-will-russia-join-nato-2672-2832', statement: 'west-always-rebuffed-russia', source: 'src-will-russia-join-nato', start: 2672, end: 2832, quote: 'For 500 years, Russia has tried to please the West, especially during the reign of Peter the Great, but every time it has been rejected and snubbed by the West.'},
  {id: 'src-will-russia-join-nato-2835-3032', statement: 'putin-hillary-talks-cordial', source: 'src-will-russia-join-nato', start: 2835, end: 3032, quote: 'Putin once disclosed that when Hillary was US secretary of state, they met, “and had a cordial conversation on different international events. I think even in this case, we may reach an agreement.”'},
  {id: 'src-will-russia-join-nato-3033-3133', statement: 'hillary-hitler-remark-ended-talks', source: 'src-will-russia-join-nato', start: 3033, end: 3133, quote: 'But because of the Crimea crisis, Hillary called Putin a “modern Hitler” and all negotiations ended.'},
  {id: 'src-will-russia-join-nato-3150-3449', statement: 'hillary-denies-hitler-remark', source: 'src-will-russia-join-nato', start: 3150, end: 3449, quote: 'Hillary actually responded at a private fundraising dinner in Long Beach, New York, that she did not directly refer to Putin as a “modern Hitler”, but only thought that Russia’s “annexation” of Crimea was reminiscent of the move. What Germany did in the 1930s, and Russia wasted its great potential.', note: 'The machine translation breaks one sentence in two ("reminiscent of the move. What Germany did in the 1930s"). Reading "Russia wasted its great potential" as the end of Clinton\'s answer is the most plausible reading, not a certain one.'}
] AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- relations, each with its :Link (basis and ARGUES as in 010)
UNWIND [
  {id: 'russia-sought-membership~supports~west-kept-russia-out', source: 'russia-sought-membership', target: 'west-kept-russia-out', basis: 'stated'},
  // Xiaoyin's reading of Blinken's concession: "confirms half of the facts".
  {id: 'membership-discussed-1990s~supports~russia-sought-membership', source: 'membership-discussed-1990s', target: 'russia-sought-membership', basis: 'stated'},
  // Robertson's account, relayed by Stone, lists the Russian (and Soviet) leaders' interest
  // one after another; the commentary offers it after "Russia did want to join NATO".
  {id: 'putin-proposed-joining~supports~russia-sought-membership', source: 'putin-proposed-joining', target: 'russia-sought-membership', basis: 'stated'},
  {id: 'yeltsin-russia-interested~supports~russia-sought-membership', source: 'yeltsin-russia-interested', target: 'russia-sought-membership', basis: 'stated'},
  {id: 'gorbachev-soviet-interested~supports~russia-sought-membership', source: 'gorbachev-soviet-interested', target: 'russia-sought-membership', basis: 'stated', note: 'Soviet, not Russian, interest: the account gives it as the same line of interest running back before Yeltsin ("Previously").'},
  {id: 'putin-asked-clinton-2000~supports~russia-sought-membership', source: 'putin-asked-clinton-2000', target: 'russia-sought-membership', basis: 'stated'},
  {id: 'clinton-response-restrained~supports~west-kept-russia-out', source: 'clinton-response-restrained', target: 'west-kept-russia-out', basis: 'stated'},
  {id: 'us-left-door-open~supports~russia-chose-not-to-join', source: 'us-left-door-open', target: 'russia-chose-not-to-join', basis: 'stated'},
  {id: 'us-closed-door-to-russia~supports~west-kept-russia-out', source: 'us-closed-door-to-russia', target: 'west-kept-russia-out', basis: 'stated'},
  {id: 'us-obstructed-russian-accession~supports~west-kept-russia-out', source: 'us-obstructed-russian-accession', target: 'west-kept-russia-out', basis: 'stated'},
  {id: 'west-always-rebuffed-russia~supports~west-kept-russia-out', source: 'west-always-rebuffed-russia', target: 'west-kept-russia-out', basis: 'reconstructed', note: 'Taki\'s sentence is about five centuries of Russia courting the West, not about NATO. The commentary quotes it among the accounts of Russia\'s attempts to join NATO without saying how it bears on them; the analyst reads the general pattern as support for the NATO case.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// Linked premises: the Hillary Clinton episode read as one illustration of the West snubbing
// Russia -- promising talks (Putin) that ended over the "modern Hitler" remark (the
// commentator). Neither half makes the point alone.
UNWIND [
  {id: 'putin-hillary-talks-cordial~supports~west-always-rebuffed-russia', source: 'putin-hillary-talks-cordial', target: 'west-always-rebuffed-russia', inference: 'hillary-clinton-episode', basis: 'reconstructed', note: 'The commentary tells the Hillary Clinton episode right after Taki\'s "rejected and snubbed by the West" without saying it illustrates it; the analyst reads cordial talks ended by an insult as one more snub.'},
  {id: 'hillary-hitler-remark-ended-talks~supports~west-always-rebuffed-russia', source: 'hillary-hitler-remark-ended-talks', target: 'west-always-rebuffed-russia', inference: 'hillary-clinton-episode', basis: 'reconstructed', note: 'The commentary tells the Hillary Clinton episode right after Taki\'s "rejected and snubbed by the West" without saying it illustrates it; the analyst reads cordial talks ended by an insult as one more snub.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.inference = row.inference, r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// Rebuttal chains: Peskov answers Clinton's "open door" (door closed), Clinton disputes
// Putin's account of 2000, Hillary Clinton disputes the "modern Hitler" story. Clinton's
// motive statement is read against 010's threat thesis only by the analyst.
UNWIND [
  {id: 'russia-chose-not-to-join~refutes~west-kept-russia-out', source: 'russia-chose-not-to-join', target: 'west-kept-russia-out', basis: 'stated'},
  {id: 'west-kept-russia-out~refutes~russia-chose-not-to-join', source: 'west-kept-russia-out', target: 'russia-chose-not-to-join', basis: 'stated'},
  // Xiaoyin turns Blinken's concession against his claim.
  {id: 'russia-sought-membership~refutes~russia-chose-not-to-join', source: 'russia-sought-membership', target: 'russia-chose-not-to-join', basis: 'stated'},
  {id: 'us-left-door-open~refutes~west-kept-russia-out', source: 'us-left-door-open', target: 'west-kept-russia-out', basis: 'stated'},
  {id: 'us-closed-door-to-russia~refutes~us-left-door-open', source: 'us-closed-door-to-russia', target: 'us-left-door-open', basis: 'stated'},
  {id: 'clinton-disputes-putin-account~refutes~clinton-response-restrained', source: 'clinton-disputes-putin-account', target: 'clinton-response-restrained', basis: 'stated'},
  {id: 'hillary-denies-hitler-remark~refutes~hillary-hitler-remark-ended-talks', source: 'hillary-denies-hitler-remark', target: 'hillary-hitler-remark-ended-talks', basis: 'stated'},
  {id: 'nato-expansion-not-about-russia~refutes~nato-expansion-threatens-russia', source: 'nato-expansion-not-about-russia', target: 'nato-expansion-threatens-russia', basis: 'reconstructed', note: 'Clinton\'s "but" answers "Russia\'s objections" to expansion without saying what they were; the analyst takes them to be the threat Russia names later in the report. His answer is about motive (expansion was about more than the US relationship with Russia), and a motive does not settle whether expansion threatens Russia: a weak attack, kept so that his reply is not lost.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- who argues each link
// Bill Clinton and "a number of US officials" (us-government) set Russia's choice against
// Putin's account; Blinken states the choice but does not answer the Russian claim.
UNWIND [
  {person: 'putin', link: 'russia-sought-membership~supports~west-kept-russia-out'},
  {person: 'kremlin', link: 'russia-sought-membership~supports~west-kept-russia-out'},
  {person: 'xiaoyin', link: 'membership-discussed-1990s~supports~russia-sought-membership'},
  {person: 'george-robertson', link: 'putin-proposed-joining~supports~russia-sought-membership'},
  {person: 'oliver-stone', link: 'putin-proposed-joining~supports~russia-sought-membership'},
  {person: 'xiaoyin', link: 'putin-proposed-joining~supports~russia-sought-membership'},
  {person: 'george-robertson', link: 'yeltsin-russia-interested~supports~russia-sought-membership'},
  {person: 'oliver-stone', link: 'yeltsin-russia-interested~supports~russia-sought-membership'},
  {person: 'xiaoyin', link: 'yeltsin-russia-interested~supports~russia-sought-membership'},
  {person: 'george-robertson', link: 'gorbachev-soviet-interested~supports~russia-sought-membership'},
  {person: 'oliver-stone', link: 'gorbachev-soviet-interested~supports~russia-sought-membership'},
  {person: 'xiaoyin', link: 'gorbachev-soviet-interested~supports~russia-sought-membership'},
  {person: 'putin', link: 'putin-asked-clinton-2000~supports~russia-sought-membership'},
  {person: 'xiaoyin', link: 'putin-asked-clinton-2000~supports~russia-sought-membership'},
  {person: 'putin', link: 'clinton-response-restrained~supports~west-kept-russia-out'},
  {person: 'bill-clinton', link: 'us-left-door-open~supports~russia-chose-not-to-join'},
  {person: 'peskov', link: 'us-closed-door-to-russia~supports~west-kept-russia-out'},
  {person: 'peskov', link: 'us-obstructed-russian-accession~supports~west-kept-russia-out'},
  {person: 'xiaoyin', link: 'west-always-rebuffed-russia~supports~west-kept-russia-out'},
  {person: 'xiaoyin', link: 'putin-hillary-talks-cordial~supports~west-always-rebuffed-russia'},
  {person: 'xiaoyin', link: 'hillary-hitler-remark-ended-talks~supports~west-always-rebuffed-russia'},
  {person: 'bill-clinton', link: 'russia-chose-not-to-join~refutes~west-kept-russia-out'},
  {person: 'us-government', link: 'russia-chose-not-to-join~refutes~west-kept-russia-out'},
  {person: 'putin', link: 'west-kept-russia-out~refutes~russia-chose-not-to-join'},
  {person: 'kremlin', link: 'west-kept-russia-out~refutes~russia-chose-not-to-join'},
  {person: 'xiaoyin', link: 'russia-sought-membership~refutes~russia-chose-not-to-join'},
  {person: 'bill-clinton', link: 'us-left-door-open~refutes~west-kept-russia-out'},
  {person: 'peskov', link: 'us-closed-door-to-russia~refutes~us-left-door-open'},
  {person: 'bill-clinton', link: 'clinton-disputes-putin-account~refutes~clinton-response-restrained'},
  {person: 'hillary-clinton', link: 'hillary-denies-hitler-remark~refutes~hillary-hitler-remark-ended-talks'},
  {person: 'bill-clinton', link: 'nato-expansion-not-about-russia~refutes~nato-expansion-threatens-russia'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (l:Link {id: row.link})
MERGE (p)-[:ARGUES]->(l);

// ---- where the text makes each stated link (a span that is also a statement's quote is
// the same :Quote)
UNWIND [
  {id: 'src-blinken-colbert-471-615', link: 'russia-sought-membership~supports~west-kept-russia-out', source: 'src-blinken-colbert', start: 471, end: 615, quote: 'Russian officials, including President Vladimir Putin, have maintained that their nation\'s attempt to join the bloc was stonewalled by the West.'},
  {id: 'src-will-russia-join-nato-1316-1475', link: 'membership-discussed-1990s~supports~russia-sought-membership', source: 'src-will-russia-join-nato', start: 1316, end: 1475, quote: 'In Xiaoyin’s view, Blinken’s statement confirms half of the facts, that is, Russia did want to join NATO, or as Blinken said, “people did discuss this matter.”'},
  {id: 'src-will-russia-join-nato-2022-2358', link: 'putin-proposed-joining~supports~russia-sought-membership', source: 'src-will-russia-join-nato', start: 2022, end: 2358, quote: 'American film director Oliver Stone once revealed that George Robertson, the former British defense secretary who served as NATO secretary general at the beginning of this century, once told him, “When Putin replaced the drunken Yeltsin as Russia’s leader, the West was eager to deal with him. At that time, Putin proposed to join NATO.'},
  {id: 'src-will-russia-join-nato-2359-2462', link: 'yeltsin-russia-interested~supports~russia-sought-membership', source: 'src-will-russia-join-nato', start: 2359, end: 2462, quote: 'Before, as Russian President Boris Yeltsin, he made it clear that Russia is interested in joining NATO.'},
  {id: 'src-will-russia-join-nato-2463-2572', link: 'gorbachev-soviet-interested~supports~russia-sought-membership', source: 'src-will-russia-join-nato', start: 2463, end: 2572, quote: 'Previously, as Soviet President Mikhail Gorbachev had hinted The Soviet Union was interested in joining NATO.'},
  {id: 'src-blinken-colbert-1853-2018', link: 'putin-asked-clinton-2000~supports~russia-sought-membership', source: 'src-blinken-colbert', start: 1853, end: 2018, quote: 'In February, Putin remembered how during Clinton\'s visit to Moscow in 2000, he asked his guest how the US would react if Russia asked for membership in the alliance.'},
  {id: 'src-will-russia-join-nato-1817-1941', link: 'putin-asked-clinton-2000~supports~russia-sought-membership', source: 'src-will-russia-join-nato', start: 1817, end: 1941, quote: 'Russian President Vladimir Putin also revealed that he had discussed Russia’s entry into NATO with then-US President Clinton'},
  {id: 'src-blinken-colbert-2019-2080', link: 'clinton-response-restrained~supports~west-kept-russia-out', source: 'src-blinken-colbert', start: 2019, end: 2080, quote: 'He said that the response to my question was very restrained.'},
  {id: 'src-will-russia-join-nato-1943-1995', link: 'clinton-response-restrained~supports~west-kept-russia-out', source: 'src-will-russia-join-nato', start: 1943, end: 1995, quote: 'and the US delegation’s performance was apprehensive'},
  {id: 'src-blinken-colbert-1559-1851', link: 'us-left-door-open~supports~russia-chose-not-to-join', source: 'src-blinken-colbert', start: 1559, end: 1851, quote: 'The same claim that Russia had a chance to become a NATO member but declined to do so has been made by a number of US officials, including former President Bill Clinton, who wrote a Russia-blasting op-ed last month that mentioned the issue but disputed Putin\'s accounts of exchanges with him.'},
  {id: 'src-blinken-colbert-2234-2314', link: 'us-left-door-open~supports~russia-chose-not-to-join', source: 'src-blinken-colbert', start: 2234, end: 2314, quote: 'He said that the US left the door open for Russia\'s eventual membership in NATO.'},
  {id: 'src-blinken-colbert-2407-2587', link: 'us-closed-door-to-russia~supports~west-kept-russia-out', source: 'src-blinken-colbert', start: 2407, end: 2587, quote: 'The American side has spoken about the impossibility of such membership for a long time. He said that the doors, on the contrary, are closed because it is fundamentally impossible.'},
  {id: 'src-will-russia-join-nato-1477-1816', link: 'us-obstructed-russian-accession~supports~west-kept-russia-out', source: 'src-will-russia-join-nato', start: 1477, end: 1816, quote: 'With a smile, I still remember that Peskov, the press secretary of the Russian President, also responded to the question of whether Russia was invited to join NATO not long ago. He said that when Russia and Europe were talking about Russia’s accession to NATO, the United States repeatedly threatened to try to prevent this from happening.'},
  {id: 'src-blinken-colbert-1559-1851', link: 'russia-chose-not-to-join~refutes~west-kept-russia-out', source: 'src-blinken-colbert', start: 1559, end: 1851, quote: 'The same claim that Russia had a chance to become a NATO member but declined to do so has been made by a number of US officials, including former President Bill Clinton, who wrote a Russia-blasting op-ed last month that mentioned the issue but disputed Putin\'s accounts of exchanges with him.'},
  {id: 'src-blinken-colbert-98-271', link: 'west-kept-russia-out~refutes~russia-chose-not-to-join', source: 'src-blinken-colbert', start: 98, end: 271, quote: 'Russian President Vladimir Putin previously said that the statement by US Secretary of State Antony Blinken contradicts what is said by US Secretary of State Antony Blinken.'},
  {id: 'src-blinken-colbert-471-615', link: 'west-kept-russia-out~refutes~russia-chose-not-to-join', source: 'src-blinken-colbert', start: 471, end: 615, quote: 'Russian officials, including President Vladimir Putin, have maintained that their nation\'s attempt to join the bloc was stonewalled by the West.'},
  {id: 'src-will-russia-join-nato-1316-1475', link: 'russia-sought-membership~refutes~russia-chose-not-to-join', source: 'src-will-russia-join-nato', start: 1316, end: 1475, quote: 'In Xiaoyin’s view, Blinken’s statement confirms half of the facts, that is, Russia did want to join NATO, or as Blinken said, “people did discuss this matter.”'},
  {id: 'src-blinken-colbert-1559-1851', link: 'us-left-door-open~refutes~west-kept-russia-out', source: 'src-blinken-colbert', start: 1559, end: 1851, quote: 'The same claim that Russia had a chance to become a NATO member but declined to do so has been made by a number of US officials, including former President Bill Clinton, who wrote a Russia-blasting op-ed last month that mentioned the issue but disputed Putin\'s accounts of exchanges with him.'},
  {id: 'src-blinken-colbert-2234-2314', link: 'us-left-door-open~refutes~west-kept-russia-out', source: 'src-blinken-colbert', start: 2234, end: 2314, quote: 'He said that the US left the door open for Russia\'s eventual membership in NATO.'},
  {id: 'src-blinken-colbert-2315-2405', link: 'us-closed-door-to-russia~refutes~us-left-door-open', source: 'src-blinken-colbert', start: 2315, end: 2405, quote: 'Dmitry Peskov, Kremlin spokesman, commented on Clinton\'s article in more definitive terms.'},
  {id: 'src-blinken-colbert-2407-2587', link: 'us-closed-door-to-russia~refutes~us-left-door-open', source: 'src-blinken-colbert', start: 2407, end: 2587, quote: 'The American side has spoken about the impossibility of such membership for a long time. He said that the doors, on the contrary, are closed because it is fundamentally impossible.'},
  {id: 'src-blinken-colbert-1729-1850', link: 'clinton-disputes-putin-account~refutes~clinton-response-restrained', source: 'src-blinken-colbert', start: 1729, end: 1850, quote: 'who wrote a Russia-blasting op-ed last month that mentioned the issue but disputed Putin\'s accounts of exchanges with him'},
  {id: 'src-will-russia-join-nato-3150-3449', link: 'hillary-denies-hitler-remark~refutes~hillary-hitler-remark-ended-talks', source: 'src-will-russia-join-nato', start: 3150, end: 3449, quote: 'Hillary actually responded at a private fundraising dinner in Long Beach, New York, that she did not directly refer to Putin as a “modern Hitler”, but only thought that Russia’s “annexation” of Crimea was reminiscent of the move. What Germany did in the 1930s, and Russia wasted its great potential.'}
] AS row
MATCH (l:Link {id: row.link})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (l)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

// ---- who asserts what
// Bill Clinton is one of the "US officials" making Blinken's claim; Putin and "Russian
// officials" (kremlin) maintain the counter-claim.
UNWIND [
  {person: 'blinken', statement: 'russia-chose-not-to-join'},
  {person: 'bill-clinton', statement: 'russia-chose-not-to-join'},
  {person: 'us-government', statement: 'russia-chose-not-to-join'},
  {person: 'putin', statement: 'west-kept-russia-out'},
  {person: 'kremlin', statement: 'west-kept-russia-out'},
  {person: 'putin', statement: 'russia-sought-membership'},
  {person: 'xiaoyin', statement: 'russia-sought-membership'},
  {person: 'blinken', statement: 'membership-discussed-1990s'},
  {person: 'george-robertson', statement: 'putin-proposed-joining'},
  {person: 'oliver-stone', statement: 'putin-proposed-joining'},
  {person: 'boris-yeltsin', statement: 'yeltsin-russia-interested'},
  {person: 'george-robertson', statement: 'yeltsin-russia-interested'},
  {person: 'oliver-stone', statement: 'yeltsin-russia-interested'},
  {person: 'mikhail-gorbachev', statement: 'gorbachev-soviet-interested'},
  {person: 'george-robertson', statement: 'gorbachev-soviet-interested'},
  {person: 'oliver-stone', statement: 'gorbachev-soviet-interested'},
  {person: 'putin', statement: 'putin-asked-clinton-2000'},
  {person: 'putin', statement: 'clinton-response-restrained'},
  {person: 'bill-clinton', statement: 'clinton-disputes-putin-account'},
  {person: 'bill-clinton', statement: 'nato-expansion-not-about-russia'},
  {person: 'bill-clinton', statement: 'us-left-door-open'},
  {person: 'peskov', statement: 'us-closed-door-to-russia'},
  {person: 'peskov', statement: 'us-obstructed-russian-accession'},
  {person: 'theodoracopulos', statement: 'west-always-rebuffed-russia'},
  {person: 'putin', statement: 'putin-hillary-talks-cordial'},
  {person: 'xiaoyin', statement: 'hillary-hitler-remark-ended-talks'},
  {person: 'hillary-clinton', statement: 'hillary-denies-hitler-remark'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s);
