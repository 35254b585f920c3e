// 040 -- The war in Ukraine: does NATO's expansion share the blame (Pope Francis as cited by
// Colbert and the commentary), or was the offensive unprovoked (Blinken, Kiev)? Also
// Russia's demand for a neutral Ukraine, and Blinken's point that the war is enlarging NATO,
// the opposite of what Putin wanted. Nobody in either text disputes that point; Turkey's
// veto threat is read (by the analyst) as undercutting its step from "applying" to
// "enlarging", not as a rebuttal of it.

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
  // The texts draw it from the Pope's words only: they set it against neither "NATO is a
  // defensive alliance" nor use it as a reason for the conclusion in 060, where it is the
  // foil ("rather than"), so it has no such edges.
  {id: 'us-drives-the-war', title: 'The US is behind the war, using Ukraine against Russia', text: 'The United States is behind Russia\'s war in Ukraine and uses Ukraine as a proxy to weaken Russia.'},
  // Background in the news report, put next to Kiev's denial; the analyst reads it as the
  // Russian case for provocation, so it answers "unprovoked" (reconstructed, see below).
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

// ---- relations, each with its :Link (basis and ARGUES as in 010)
UNWIND [
  // The Pope: NATO "barking at Russia's door" led to the invasion.
  {id: 'nato-expansion-threatens-russia~supports~nato-expansion-shares-blame', source: 'nato-expansion-threatens-russia', target: 'nato-expansion-shares-blame', basis: 'stated'},
  {id: 'us-refused-guarantees~supports~nato-expansion-shares-blame', source: 'us-refused-guarantees', target: 'nato-expansion-shares-blame', basis: 'stated', note: 'The commentary asks "How did the US contribute to the Russia-Ukraine crisis?" and answers with the Pope\'s words and with Russia\'s unanswered request ("But has the United States promised one?"); the blame statement includes the Western stance behind expansion.'},
  // Blinken's "not the case" comes with "NATO is a defensive alliance".
  {id: 'nato-is-defensive~supports~nato-not-to-blame', source: 'nato-is-defensive', target: 'nato-not-to-blame', basis: 'stated'},
  {id: 'ukraine-not-planning-retake~supports~russian-offensive-unprovoked', source: 'ukraine-not-planning-retake', target: 'russian-offensive-unprovoked', basis: 'stated'},
  // The commentary offers the Pope's words to those who doubt that the US is behind the war.
  {id: 'nato-expansion-shares-blame~supports~us-drives-the-war', source: 'nato-expansion-shares-blame', target: 'us-drives-the-war', basis: 'stated'},
  {id: 'nato-expansion-threatens-russia~supports~ukraine-should-be-neutral', source: 'nato-expansion-threatens-russia', target: 'ukraine-should-be-neutral', basis: 'reconstructed', note: 'The report gives Russia\'s threat claim and, three paragraphs later, the Kremlin\'s neutrality demand without linking them (it does put the threat right before Moscow\'s request for guarantees that Ukraine would not join). The analyst reads the threat as Russia\'s reason for the demand.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// Linked premises: the war backfires only given both Putin's aim (no NATO growth) and the
// Nordic applications. Blinken gives them as "the reasons Washington believes Putin is
// working against his own goals"; the commentary opens the same way ("But before the war
// ... is over, ... Finland, and ... Sweden, are preparing to join NATO").
UNWIND [
  {id: 'russia-aims-to-stop-ukraine-joining~supports~war-is-enlarging-nato', source: 'russia-aims-to-stop-ukraine-joining', target: 'war-is-enlarging-nato', inference: 'war-backfires', basis: 'stated'},
  {id: 'finland-sweden-applying~supports~war-is-enlarging-nato', source: 'finland-sweden-applying', target: 'war-is-enlarging-nato', inference: 'war-backfires', basis: 'stated'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.inference = row.inference, r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

UNWIND [
  {id: 'nato-not-to-blame~refutes~nato-expansion-shares-blame', source: 'nato-not-to-blame', target: 'nato-expansion-shares-blame', basis: 'stated'},
  {id: 'russian-offensive-unprovoked~refutes~nato-expansion-shares-blame', source: 'russian-offensive-unprovoked', target: 'nato-expansion-shares-blame', basis: 'reconstructed', note: 'Kiev\'s "unprovoked" closes the news report, after the Minsk background, and is not an answer to the Pope, whom the report cites earlier. The analyst reads an unprovoked offensive as leaving NATO no share of the blame (the Pope himself speaks of "provocation").'},
  {id: 'ukraine-failed-minsk~refutes~russian-offensive-unprovoked', source: 'ukraine-failed-minsk', target: 'russian-offensive-unprovoked', basis: 'reconstructed', note: 'The report says Russia attacked "after Ukraine failed to implement" the Minsk agreements and then has Kiev "insist" the offensive was unprovoked, so the two are set against each other; but "after" is not "because", and no one in the text says the failure provoked the attack. The analyst reads the background as the Russian case for provocation.'},
  {id: 'nato-open-door~refutes~ukraine-should-be-neutral', source: 'nato-open-door', target: 'ukraine-should-be-neutral', basis: 'reconstructed', note: 'The report follows the refused guarantees (that Ukraine would not join) with the US claim that the open door is essential, without saying that this was the reason. The analyst reads the open door as the US answer to a Ukraine barred from NATO.'}
] AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- undercuts: a statement attacking a relation's inference, not either of its ends
UNWIND [
  {id: 'turkey-threatens-veto~undercuts~finland-sweden-applying~supports~war-is-enlarging-nato', source: 'turkey-threatens-veto', target: 'finland-sweden-applying~supports~war-is-enlarging-nato', basis: 'reconstructed', note: 'Neither text sets Turkey against Blinken\'s point. The commentary does set Turkey against the applications ("Finland and Sweden want to join NATO. But Turkey was very reluctant."), and the report says the treaty lets any member block accession. The analyst reads that as attacking the step from applying to enlarging: an application Turkey can veto does not yet enlarge NATO. Putin\'s aim and the applications themselves stand.'}
] AS row
MATCH (u:Statement {id: row.source})
MATCH (target:Link {id: row.target})
MERGE (u)-[r:UNDERCUTS {id: row.id}]->(target)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id});

// ---- who argues each link
UNWIND [
  {person: 'pope-francis', link: 'nato-expansion-threatens-russia~supports~nato-expansion-shares-blame'},
  {person: 'xiaoyin', link: 'us-refused-guarantees~supports~nato-expansion-shares-blame'},
  {person: 'blinken', link: 'nato-is-defensive~supports~nato-not-to-blame'},
  {person: 'ukrainian-government', link: 'ukraine-not-planning-retake~supports~russian-offensive-unprovoked'},
  {person: 'xiaoyin', link: 'nato-expansion-shares-blame~supports~us-drives-the-war'},
  {person: 'kremlin', link: 'nato-expansion-threatens-russia~supports~ukraine-should-be-neutral'},
  {person: 'blinken', link: 'russia-aims-to-stop-ukraine-joining~supports~war-is-enlarging-nato'},
  {person: 'us-government', link: 'russia-aims-to-stop-ukraine-joining~supports~war-is-enlarging-nato'},
  {person: 'xiaoyin', link: 'russia-aims-to-stop-ukraine-joining~supports~war-is-enlarging-nato'},
  {person: 'blinken', link: 'finland-sweden-applying~supports~war-is-enlarging-nato'},
  {person: 'us-government', link: 'finland-sweden-applying~supports~war-is-enlarging-nato'},
  {person: 'xiaoyin', link: 'finland-sweden-applying~supports~war-is-enlarging-nato'},
  {person: 'blinken', link: 'nato-not-to-blame~refutes~nato-expansion-shares-blame'},
  {person: 'ukrainian-government', link: 'russian-offensive-unprovoked~refutes~nato-expansion-shares-blame'},
  {person: 'news-report-author', link: 'ukraine-failed-minsk~refutes~russian-offensive-unprovoked'},
  {person: 'us-government', link: 'nato-open-door~refutes~ukraine-should-be-neutral'},
  {person: 'xiaoyin', link: 'turkey-threatens-veto~undercuts~finland-sweden-applying~supports~war-is-enlarging-nato'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (l:Link {id: row.link})
MERGE (p)-[:ARGUES]->(l);

// ---- where the text makes each stated link (a span that is also a statement's quote is
// the same :Quote)
UNWIND [
  {id: 'src-will-russia-join-nato-3765-3928', link: 'nato-expansion-threatens-russia~supports~nato-expansion-shares-blame', source: 'src-will-russia-join-nato', start: 3765, end: 3928, quote: 'Pope Francis said in an interview with Italian media that NATO scolded Russia against the mountain gate, which led to Russia’s “invasion” of neighboring countries.'},
  {id: 'src-will-russia-join-nato-3611-3716', link: 'us-refused-guarantees~supports~nato-expansion-shares-blame', source: 'src-will-russia-join-nato', start: 3611, end: 3716, quote: 'How did the US contribute to the Russia-Ukraine crisis? It can also be seen from the “Late Show” program.'},
  {id: 'src-will-russia-join-nato-4541-4718', link: 'us-refused-guarantees~supports~nato-expansion-shares-blame', source: 'src-will-russia-join-nato', start: 4541, end: 4718, quote: 'At that time, Russia’s attitude was also made public – it hoped that NATO would go back to before 1997 and that Ukraine would be neutral. But has the United States promised one?'},
  {id: 'src-blinken-colbert-1058-1150', link: 'nato-is-defensive~supports~nato-not-to-blame', source: 'src-blinken-colbert', start: 1058, end: 1150, quote: 'but the secretary said that was not the case.\n\nHe assured that NATO is a defensive alliance.'},
  {id: 'src-blinken-colbert-3709-3837', link: 'ukraine-not-planning-retake~supports~russian-offensive-unprovoked', source: 'src-blinken-colbert', start: 3709, end: 3837, quote: 'Kiev insists that the Russian offensive was unprovoked and has denied that it was planning to retake the two republics by force.'},
  {id: 'src-will-russia-join-nato-4094-4396', link: 'nato-expansion-shares-blame~supports~us-drives-the-war', source: 'src-will-russia-join-nato', start: 4094, end: 4396, quote: 'If some media in some eastern countries have commented on the view that Russia’s march into Ukraine is behind the United States, and some people still think that this statement is debatable, then the Pope’s words can make these people more Think deeply about the nature of the Russian-Ukrainian crisis?', note: 'Rhetorical question: the Pope\'s words are offered to those who doubt that the US is behind the war.'},
  {id: 'src-blinken-colbert-617-940', link: 'russia-aims-to-stop-ukraine-joining~supports~war-is-enlarging-nato', source: 'src-blinken-colbert', start: 617, end: 940, quote: 'Blinken appeared on The Late Show to talk about US policy and the reasons Washington believes Putin is working against his own goals by attacking Ukraine.\n\nHe wanted to prevent NATO from getting bigger with Ukraine. The US official said that the two Nordic nations sent to NATO this week, now it is with Finland and Sweden.', note: 'Garbled paraphrase: "He" is Putin, and the Nordic sentence means that NATO, which Putin wanted to keep from growing, is now growing with Finland and Sweden.'},
  {id: 'src-will-russia-join-nato-24-386', link: 'russia-aims-to-stop-ukraine-joining~supports~war-is-enlarging-nato', source: 'src-will-russia-join-nato', start: 24, end: 386, quote: 'The most important focus of the dispute between Russia and Ukraine is that Ukraine wants to join NATO, and Russia believes that this is a squeeze on its strategic space, and it is ignoring its national security.\n\nBut before the war between Russia and Ukraine is over, Russia’s big neighbor Finland, and another Nordic country, Sweden, are preparing to join NATO.'},
  {id: 'src-blinken-colbert-617-940', link: 'finland-sweden-applying~supports~war-is-enlarging-nato', source: 'src-blinken-colbert', start: 617, end: 940, quote: 'Blinken appeared on The Late Show to talk about US policy and the reasons Washington believes Putin is working against his own goals by attacking Ukraine.\n\nHe wanted to prevent NATO from getting bigger with Ukraine. The US official said that the two Nordic nations sent to NATO this week, now it is with Finland and Sweden.', note: 'Garbled paraphrase: "He" is Putin, and the Nordic sentence means that NATO, which Putin wanted to keep from growing, is now growing with Finland and Sweden.'},
  {id: 'src-will-russia-join-nato-24-386', link: 'finland-sweden-applying~supports~war-is-enlarging-nato', source: 'src-will-russia-join-nato', start: 24, end: 386, quote: 'The most important focus of the dispute between Russia and Ukraine is that Ukraine wants to join NATO, and Russia believes that this is a squeeze on its strategic space, and it is ignoring its national security.\n\nBut before the war between Russia and Ukraine is over, Russia’s big neighbor Finland, and another Nordic country, Sweden, are preparing to join NATO.'},
  {id: 'src-blinken-colbert-942-1103', link: 'nato-not-to-blame~refutes~nato-expansion-shares-blame', source: 'src-blinken-colbert', start: 942, end: 1103, quote: 'Colbert cited Pope Francis\'s opinion that NATO\'s expansion in Europe was partly to blame for the crisis in Ukraine, but the secretary said that was not the case.'}
] AS row
MATCH (l:Link {id: row.link})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = coalesce(row.note, q.note)
MERGE (l)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src);

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
