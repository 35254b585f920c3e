// 002 -- People: everyone the two articles quote or report as saying something, plus each
// article's author. Person ids are readable slugs (surname where unambiguous).
//
// Collective speakers: the texts often attribute a position to "Russia", "Moscow", "the
// Kremlin", "the US", "Washington", "Kiev" or "Turkey" rather than to a named person. Those
// positions are asserted by institutional :Person nodes (kremlin, us-government,
// ukrainian-government, turkish-government) instead of being pinned on whichever named
// official seems likely.
//
// Garbled names: `name` is the person's real name, as a reader would search for it; the
// spellings the machine-translated commentary uses instead are kept in `aliases` (searched
// too), and the description says which text garbles what.
//
// Named in the texts but not speakers here (no node): Zelensky, Lavrov, Biden, Niinisto,
// Andersson, Peter the Great -- the texts report no statement of theirs that the map uses.
UNWIND [
  {id: 'blinken', name: 'Antony Blinken', aliases: ['Anthony Blinken'], description: 'US Secretary of State; interviewed by Stephen Colbert on CBS\'s The Late Show in May 2022. The commentary spells his first name "Anthony".'},
  {id: 'colbert', name: 'Stephen Colbert', aliases: ['Kobel'], description: 'Host of CBS\'s The Late Show; put the "crazy idea" of inviting Russia into NATO to Blinken. The machine-translated commentary also renders his name as "Kobel".'},
  {id: 'putin', name: 'Vladimir Putin', description: 'President of Russia.'},
  {id: 'peskov', name: 'Dmitry Peskov', description: 'Kremlin spokesman, press secretary of the Russian President; answered Bill Clinton\'s op-ed on Russia and NATO.'},
  {id: 'bill-clinton', name: 'Bill Clinton', description: 'Former US President; visited Moscow in 2000 and wrote an op-ed on Russia and NATO enlargement disputing Putin\'s accounts of their exchanges.'},
  {id: 'hillary-clinton', name: 'Hillary Clinton', description: 'Former US Secretary of State; disputed that she had called Putin a "modern Hitler".'},
  {id: 'pope-francis', name: 'Pope Francis', description: 'Head of the Catholic Church; told Italian media in May 2022 that NATO\'s stance toward Russia may have provoked the war, as cited by Colbert and by the commentary.'},
  {id: 'erdogan', name: 'Recep Tayyip Erdogan', description: 'President of Turkey; said, according to the commentary, that Finland and Sweden had members of the PKK in their parliaments. The texts attribute the objection and the veto threat to "Turkey", not to him (see turkish-government).'},
  {id: 'george-robertson', name: 'George Robertson', description: 'Former British defence secretary and NATO Secretary General at the beginning of the 2000s; his account of Russia\'s interest in NATO is reported second-hand, through Oliver Stone.'},
  {id: 'oliver-stone', name: 'Oliver Stone', description: 'American film director; relayed what George Robertson told him about Russian interest in joining NATO.'},
  {id: 'ned-price', name: 'Ned Price', description: 'US State Department spokesman (the commentary calls him "Price"; the image caption "Presto: Information" above that paragraph probably garbles his name, as "Peskov Charts: Information" captions Peskov\'s).'},
  {id: 'boris-yeltsin', name: 'Boris Yeltsin', description: 'President of Russia in the 1990s; according to George Robertson\'s account, made clear that Russia was interested in joining NATO.'},
  {id: 'mikhail-gorbachev', name: 'Mikhail Gorbachev', description: 'President of the Soviet Union; according to George Robertson\'s account, hinted that the Soviet Union was interested in joining NATO.'},
  {id: 'theodoracopulos', name: 'Taki Theodoracopulos', aliases: ['Takisi O’Doracopoulos', 'Takisi O\'Doracopoulos'], description: 'Columnist, who writes as "Taki". The machine-translated commentary garbles his name as "Takisi O’Doracopoulos" and quotes him as an analyst writing in the "Wentworth Report", a title it may garble too.'},
  {id: 'kremlin', name: 'Russian government (the Kremlin)', description: 'Official Russian positions that the texts attribute to "Russia", "Moscow" or "the Kremlin" rather than to a named person.'},
  {id: 'us-government', name: 'US government', description: 'Positions that the texts attribute to "the US" or "the United States" rather than to a named official.'},
  {id: 'ukrainian-government', name: 'Ukrainian government', description: 'Positions that the news report attributes to "Kiev".'},
  {id: 'turkish-government', name: 'Turkish government', description: 'Positions that the texts attribute to "Turkey" rather than to a named official: its reluctance about, and threat to veto, the Finnish and Swedish applications.'},
  {id: 'news-report-author', name: 'Author of the news report (unnamed)', description: 'The news report "Putin says Russia decided to join NATO in 1990s" names no author or outlet; its own background and editorial statements are credited to this node. The text is a machine paraphrase.'},
  {id: 'xiaoyin', name: 'Xiaoyin', description: 'Author of the commentary "Will Russia join NATO?", who refers to themself as "Xiaoyin" and "I"; the commentary names no outlet.'}
] AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.description = row.description, p.aliases = row.aliases;

// Authorship: each article's author node AUTHORED its :Source (created in 001_sources).
UNWIND [
  {person: 'news-report-author', source: 'src-blinken-colbert'},
  {person: 'xiaoyin', source: 'src-will-russia-join-nato'}
] AS row
MATCH (p:Person {id: row.person})
MATCH (s:Source {id: row.source})
MERGE (p)-[:AUTHORED]->(s);
