/**
 * The generic words of organisation names in the official languages of the European Union, each
 * mapped to the English word the sanctions lists use (Banque → bank, comercial → trading,
 * Schifffahrts → shipping, Ministerstwo → ministry). The EU publishes its consolidated sanctions
 * list and its regulations in all 24 languages (https://eur-lex.europa.eu, e.g. Council
 * Regulation (EU) 2017/1509 on the DPRK) and banks keep local-language names, so "Banque
 * commerciale de Tanchon" must meet TANCHON COMMERCIAL BANK.
 *
 * Sources: the legal forms are the labels of the ISO 20275 Entity Legal Forms code list
 * (https://www.gleif.org/en/about-lei/code-lists/iso-20275-entity-legal-forms-code-list) for the
 * EU member states; the nouns and adjectives are the terms of IATE, the EU's terminology database
 * (https://iate.europa.eu), for the English word, with their usual inflected forms (the
 * nominative and the genitive an "X of Y" name puts them in: Ministerstwo Przemysłu). The
 * multilingual organisation-term lists of OpenSanctions' rigour library
 * (https://github.com/opensanctions/rigour, resources/names/symbols.yml, MIT licence) served as a
 * cross-check. Words are written as the languages write them and folded as screening folds names
 * (Greek and Bulgarian through the same transliteration, accents dropped), so one table serves
 * every script.
 *
 * A word ending in "*" is a stem: it stands for itself followed by up to four letters (the
 * endings of case and gender: handlow* = handlowy, handlowa, handlowego).
 */
import { streamlinedBulgarian } from "../names/index.js";
import { foldText, splitOrgName } from "./text.js";

/**
 * Canonical English word(s) → the words of the EU languages. Two English words (trading |
 * commercial) mean the word has both senses in list names: readings are made with each.
 */
const GLOSSARY: readonly [string, string][] = [
  [
    "bank",
    "bank* banque banques banco bancos banca banche banc pankki pank trapeza trapezas τράπεζα τράπεζας банка банката",
  ],
  [
    "trading|commercial",
    "commerciale commerciales commerciaux commerce comercial comerciales comercio comércio comerciais commerciali commercio handel handels handlow* handlu obchodní obchodu obchodná obchodný obchodné trgovin* trgovačk* trgovačko trgovsk* kereskedelmi kereskedelem comercială comerciala comerț comert търговск* търговия εμπορική εμπορικής εμπορίου kauppa kaupallinen kaubandus kaubanduse tirdzniecības tirdzniecība prekybos prekyba kummerċjali kummerċ trádála tráchtála",
  ],
  [
    "company",
    "société societe sociétés compagnie compañía compania compañia sociedad sociedade empresa società compagnia companhia gesellschaft maatschappij vennootschap bolag bolaget selskab selskabet selskap spółka spolka společnost spoločnosť družba društvo társaság societatea societate companie дружество компания εταιρεία εταιρία εταιρείας yhtiö selts sabiedrība bendrovė kumpanija cuideachta",
  ],
  [
    "corporation",
    "corporación corporacion corporazione corporação korporation korporatie korporacja korporace korporácia korporacija corporația корпорация εταιρικός korporazzjoni",
  ],
  [
    "general",
    "générale générales général généraux generale generali generales geral gerais generalny generalna generální generálne generalni generalna általános генерална генерален γενική γενικής γενικό yleinen üldine vispārējā generalinė ġenerali ginearálta allmän allmänt allmänna generală",
  ],
  [
    "bureau|office",
    "oficina oficinas büro buro ufficio escritório biuro úřad urad ured hivatal birou бюро γραφείο toimisto büroo birojs biuras uffiċċju oifig amt kantoor kontor byrå biroul",
  ],
  [
    "department",
    "département departement departamento dipartimento abteilung afdeling avdelning avdeling departament departamentu oddělení oddelenie oddelek odjel osztály departamentul отдел τμήμα osasto osakond departaments departamentas dipartiment roinn",
  ],
  [
    "ministry",
    "ministère ministere minister* ministr* miniszter* ministeerium υπουργείο ypourgeio министерство aireacht",
  ],
  [
    "committee",
    "comité comite comités comitato ausschuss komitee komitees comissão comite komitet* výbor odbor bizottság comitetul комитет επιτροπή komitea komiteja komitetas kumitat coiste",
  ],
  [
    "commission",
    "commission comisión comision commissione comissão kommission commissie komisja komise komisia komisija comisia комисия komissio komisjon kummissjoni coimisiún",
  ],
  [
    "group",
    "groupe groupement grupo gruppo gruppe groep grupp gruppen grupa skupina csoport grupul група όμιλος ryhmä grupė grúpa",
  ],
  [
    "institute",
    "institut instituto istituto instituut institutet instytut* ústav inštitút inštitut institutul институт ινστιτούτο instituutti intézet institūts institutas istitut institiúid",
  ],
  [
    "academy",
    "académie academie academia accademia akademie akademi akademia akadémia akademija академия ακαδημία akatemia akadeemia akadēmija akkademja acadamh",
  ],
  [
    "association",
    "asociación associazione associação verband vereinigung vereniging förening forening stowarzyszenie sdružení združenie združenje udruga egyesület asociația сдружение ένωση σύλλογος yhdistys ühing asociācija asociacija assoċjazzjoni cumann",
  ],
  [
    "factory",
    "usine fábrica fabbrica fabrik fabriek fabrikk fabryka továrna tovareň tovarna tvornica gyár fabrica фабрика завод εργοστάσιο tehdas tehas rūpnīca gamykla fabbrika monarcha",
  ],
  [
    "union",
    "unión unione união unie unionen unia unija unió uniunea съюз unioni liit savienība sąjunga unjoni aontas",
  ],
  [
    "national",
    "nationale nationaux nacional nacionales nazionale nazionali nationaal nationell narodow* národní národná nacionaln* nemzeti național națională национална национален εθνική εθνικής kansallinen riiklik nacionālā nacionalinis nazzjonali náisiúnta nacionalin*",
  ],
  [
    "international",
    "internationale internationales internacional internacionales internazionale internazionali internationaal internationell międzynarodow* miedzynarodow* mezinárodní medzinárodná mednarodn* međunarodn* nemzetközi internațional internațională международна международен διεθνής διεθνούς kansainvälinen rahvusvaheline starptautiskā tarptautinis internazzjonali idirnáisiúnta internaționale internationellt internationella",
  ],
  [
    "foreign|external",
    "extérieur extérieure extérieurs exterior exteriores externo externa estero estera esteri auswärtig* außen aussen auslands buitenland buitenlandse utrikes udenrigs zagraniczn* zahraniční zahraničný zunanj* vanjsk* külügyi extern externă външна външен εξωτερικό εξωτερικής ulko ulkomaan välis ārējā užsienio barrani eachtrach utländsk utländskt utländska externe",
  ],
  [
    "central",
    "centrale centrales centraux zentral zentrale centraal centralny centralna centrální centrálna centraln* központi централна κεντρική κεντρικής keskus kesk centrālā centrinis ċentrali lárnach",
  ],
  [
    "mining",
    "minière minier minières minera minero mineras mineraria mineira bergbau bergwerk mijnbouw gruv gruvbolag górnicz* důlní banský banská rudarsk* rudarstvo bányászati minieră минна μεταλλευτική kaivos kaevandus ieguves kalnakasybos minjiera mianadóireachta",
  ],
  [
    "shipping",
    "maritime maritimes marítima marítimo marittima marittimo naviera naviero navieras navigazione schifffahrt schifffahrts schiffahrt schiffahrts reederei rederij scheepvaart rederi rederiet żegluga żeglugow* lodní plavba plavebn* ladjarstvo brodarstvo pomorsk* hajózási navigație корабоплаване ναυτιλιακή ναυτιλία varustamo laevandus kuģniecība laivininkystė tbaħħir loingseoireachta sjöfart sjöfarts maritim laivyb*",
  ],
  [
    "industrial",
    "industrielle industriel industriels industrial industriale industriali industrie industrias industria industrieel industriell przemysłow* przemysłu przemysł průmyslov* priemysel* industrijsk* industrija ipari industrială промишлена промишленост βιομηχανική βιομηχανίας teollisuus tööstus rūpniecības pramonės industrijali tionscail",
  ],
  [
    "development",
    "développement developpement desarrollo sviluppo desenvolvimento entwicklung entwicklungs ontwikkeling ontwikkelings utveckling udvikling rozwoju rozwój rozvoj rozvoja rozvoje razvoj razvoja fejlesztési fejlesztés dezvoltare развитие ανάπτυξης ανάπτυξη kehitys arendus attīstības plėtros žvilupp forbartha dezvoltării развойн* żvilupp",
  ],
  [
    "investment",
    "investissement investissements inversión inversion inversiones investimento investimenti investimentos investition investitions investering investeringar investeringer inwestycyjn* inwestycji investiční investičn* investicijsk* beruházási befektetési investiții investitii инвестиционна инвестиции επενδύσεων επενδυτική investointi investeering investeeringute investīciju investicijų investiment infheistíochta investițiilor",
  ],
  [
    "technology",
    "technologique technologiques technologie technologies tecnológica tecnológico tecnologica tecnologico tecnologia tecnologías tecnologías technologisch technologiczn* technologii technologick* technológiai tehnološk* tehnologie tehnologii технологии технологична τεχνολογίας τεχνολογική teknologia tehnoloogia tehnoloģiju technologijų teknoloġija teicneolaíochta teknik technologij*",
  ],
  [
    "export",
    "exportation exportación exportacion exportação esportazione ausfuhr uitvoer eksport* vývoz vývozu izvoz kiviteli износ εξαγωγών εξαγωγή vienti eksporta eksporto esportazzjoni onnmhairiú износн*",
  ],
  [
    "import",
    "importation importación importacion importação importazione einfuhr invoer dovoz dovozu uvoz behozatali внос εισαγωγών εισαγωγή tuonti impordi importa importo importazzjoni allmhairiú importului вносн*",
  ],
  [
    "insurance",
    "assurance assurances seguros seguro assicurazioni assicurazione versicherung versicherungs verzekering verzekeringen försäkring forsikring forsikrings ubezpieczeń ubezpieczenia ubezpieczeniowa pojišťovna poisťovňa zavarovalnica osiguranje biztosító asigurări asigurare застрахователна застраховане ασφαλιστική ασφαλίσεων vakuutus kindlustus apdrošināšanas draudimo assigurazzjoni árachais",
  ],
  [
    "reinsurance",
    "réassurance reaseguros riassicurazione rückversicherung herverzekering återförsäkring reasekuracji zajištění reasigurare αντασφαλιστική jälleenvakuutus",
  ],
  [
    "credit",
    "crédit crédito credito kredit krediet kredyt* kredytow* úvěr úvěrová hitel кредит кредитна πίστης luotto krediidi kredīta kredito kreditu creidmheasa creditului",
  ],
  [
    "construction",
    "construcción construccion costruzione costruzioni construção bauwesen bouw byggnad byggeri budownictwo budowlan* stavební stavebná gradbeništvo graditeljstvo építőipari construcții construcţii строителство строителна κατασκευαστική κατασκευών rakennus ehitus būvniecības statybos kostruzzjoni tógála byggnation byggnads construcția construcției",
  ],
  [
    "machinery",
    "machines maquinaria macchinari máquinas maschinen maschinenbau machinebouw maskiner maszyn maszynow* stroje strojírensk* strojev gépek gépipari mașini машини μηχανήματα koneet masinad mašīnas mašinos makkinarju innealra utilajelor машиностроителн* машиностроене mašinų",
  ],
  [
    "equipment",
    "équipement équipements equipos equipo attrezzature equipamento equipamentos ausrüstung ausrüstungen uitrusting utrustning udstyr sprzęt wyposażenie zařízení vybavenie oprema berendezések echipamente оборудване εξοπλισμός εξοπλισμού laitteet seadmed iekārtas įranga tagħmir trealamh echipamentelor",
  ],
  [
    "energy",
    "énergie energía energia energie energi energii energetyczn* energetick* energetik* energija energetsk* energetikai енергия енергетика ενέργεια ενέργειας enerģija enerġija fuinnimh",
  ],
  [
    "atomic",
    "atomique atómica atómico atomica atomico atômica atomar atomare atomen atoom atomow* atomov* atomsk* atomică атомна ατομική atomi aatom atominė atomika adamhach",
  ],
  [
    "nuclear",
    "nucléaire nucléaires nucleare nucleari nuklear nukleare nucleair kärn nuklearn* jaderný jaderné jadrová jadrsk* nukleáris nucleară ядрена ядрен πυρηνική πυρηνικής ydin tuuma kodol branduolinė nukleari núicléach",
  ],
  [
    "sciences",
    "sciences ciencias scienze ciências wissenschaften wetenschappen vetenskaper videnskaber nauk věd vied znanosti tudományos tudományok științe науки επιστημών tieteiden teaduste zinātņu mokslų xjenzi eolaíochtaí moksl* наука научн*",
  ],
  [
    "chemical",
    "chimique chimiques química químico chimica chimico chemische chemisch kemisk kemiska chemiczn* chemick* kemijsk* vegyipari vegyi chimică химическа химически χημική χημικών kemian keemia ķīmiskā chemijos kimika ceimiceach kemiskt chimice chemin* kimiċi химическ*",
  ],
  [
    "space",
    "spatial spatiale espacial spaziale weltraum raumfahrt ruimtevaart rymd rymden kosmiczn* kosmick* vesoljsk* svemirsk* űrkutatási spațial spațială космическа διαστημική διαστήματος avaruus kosmose kosmosa kosmoso spazjali spáis",
  ],
  [
    "korea",
    "corée coree corea coreia korei koreje kórea kórey koreja koreji coreea корея κορέα κορέας korėja korėjos cóiré",
  ],
  [
    "korean",
    "coréen coréenne coréens coreen coreenne coreano coreana coreanos coreanas coreani coreane coreana koreanisch* koreaans* koreansk* koreańsk* korejsk* kórejsk* koreai coreean* корейска корейски κορεατική κορεατικής korealainen korėjos korėjietiška coreene",
  ],
  ["dprk", "rpdc rpd dvrk dvk krld kldr kldr ldkr kndr ldrk"],
  [
    "north",
    "nord norte noord północna północnej severní severná severna sjeverna észak северна βόρεια pohjois põhja ziemeļ šiaurės tramuntana thuaidh",
  ],
  [
    "peoples",
    "populaire populaires popular populares popolare popolari volks volksrepublik ludowa ludowej lidová ľudová ljudska narodna népi populară народна λαϊκή λαοκρατική kansan rahva tautas liaudies",
  ],
  [
    "democratic",
    "démocratique democrática democratica democrático demokratische demokratisch democratische demokratisk demokratyczn* demokratick* demokratičn* demokratsk* demokratikus democrată демократична δημοκρατική demokraattinen demokraatlik demokrātiskā demokratinė demokratika daonlathach",
  ],
  [
    "republic",
    "république republique república repubblica república republik republiek republiken republikken republika republiky köztársaság republica република δημοκρατία δημοκρατίας tasavalta vabariik republikas respublika repubblika poblacht",
  ],
  [
    "state",
    "état etat estado estatal stato statale staat staats staatlich* staten statlig państwow* státní štátn* državn* állami stat statul държавна κρατική valtion riigi valsts valstybinė statali stáit",
  ],
  [
    "security",
    "sécurité seguridad sicurezza segurança sicherheit veiligheid säkerhet sikkerhed bezpieczeństwa bezpečnosti varnost sigurnosti biztonsági securitate securității сигурност ασφάλειας turvallisuus julgeoleku drošības saugumo sigurtà slándála",
  ],
  [
    "army",
    "armée ejército ejercito esercito exército armee leger armén hæren armia armáda armády vojska hadsereg armata армия στρατός στρατού armeija kaitsevägi armija kariuomenė armatei",
  ],
  [
    "party",
    "parti partido partito partei partij partiet partia strana strany stranka párt partidul партия κόμμα puolue partija partit páirtí",
  ],
  [
    "workers",
    "travailleurs trabajadores lavoratori trabalhadores arbeiter arbeiders arbetare arbejder arbeiderpartiet robotnicza robotniczej dělnická robotnícka delavska radnička munkás muncitorilor работническа εργατικό εργατών työväen töölis strādnieku darbininkų ħaddiema oibrithe",
  ],
  [
    "enterprise",
    "entreprise entreprises impresa unternehmen onderneming företag virksomhed przedsiębiorstwo podnik podniku podjetje poduzeće vállalat vállalkozás întreprindere întreprinderea предприятие επιχείρηση επιχειρήσεων yritys ettevõte uzņēmums įmonė intrapriża fiontar întreprinderii",
  ],
  [
    "agency",
    "agence agencia agenzia agência agentur agentschap agencja agentura agencija ügynökség agenția агенция υπηρεσία virasto amet aģentūra agentūra aġenzija gníomhaireacht",
  ],
  [
    "research",
    "recherche recherches investigación investigaciones ricerca ricerche pesquisa forschung forschungs onderzoek forskning forsknings badawcz* výzkumn* výskumn* raziskovaln* istraživačk* kutatási kutató cercetare cercetări изследователски изследвания ερευνών ερευνητικό tutkimus uuringute pētniecības mokslinių riċerka taighde",
  ],
  [
    "center",
    "centre centres centro centri zentrum zentrums centrum centar központ központja centrul център κέντρο ionad centrs centras ċentru",
  ],
  [
    "university",
    "université universidad università universidade universität universiteit universitet uniwersytet univerzita univerza sveučilište egyetem universitatea университет πανεπιστήμιο yliopisto ülikool universitāte universitetas ollscoil",
  ],
  [
    "transport",
    "transports transporte transportes trasporti trasporto vervoer transportu doprava dopravy prevoz prijevoz szállítási szállítás транспорт транспортна μεταφορών μεταφορές kuljetus transpordi transporta transporto trasport iompair",
  ],
  [
    "electronics",
    "électronique électroniques electrónica electrónicos elettronica eletrônica elektronik elektronica elektroniki elektronika elektronikai electronice електроника ηλεκτρονικά elektroniikka elektroonika elektronikos elettronika leictreonaic",
  ],
  [
    "cooperation",
    "coopération cooperación cooperazione cooperação zusammenarbeit samenwerking samarbete samarbejde współpracy spolupráce spolupráca sodelovanje suradnja suradnju együttműködési cooperare сътрудничество συνεργασίας yhteistyö koostöö sadarbības bendradarbiavimo kooperazzjoni comhair",
  ],
  [
    "financial",
    "financière financier financiera financiero finanziaria finanziario financeira finanz finanzen financiële finansiell finansowa finansow* finanční finančná finančn* financijsk* pénzügyi financiară финансова χρηματοοικονομική rahoitus finants finanšu finansų finanzjarja airgeadais",
  ],
  [
    "management",
    "gestion gestión gestione gestão management beheer förvaltning forvaltning zarządzania zarządzanie správy upravljanje kezelő gestiune управление διαχείρισης hallinto haldus pārvaldības valdymo ġestjoni bainistíocht",
  ],
  [
    "engineering",
    "ingénierie ingeniería ingegneria engenharia ingenieurwesen ingenieurbau ingenieursbureau inżynieri* inženýrsk* inžinier* inženiring inženjering mérnöki inginerie инженеринг μηχανικής insinööri inseneri inženierijas inžinerijos inġinerija innealtóireacht",
  ],
  [
    "service",
    "services servicios servizi serviços dienste dienstleistungen diensten tjänster tjenester usług usługi služby storitve usluge szolgáltató servicii услуги υπηρεσίες palvelut teenused pakalpojumi paslaugos servizzi seirbhísí",
  ],
  [
    "council",
    "conseil consejo consiglio conselho rat raad råd rådet rada svet vijeće tanács consiliul съвет συμβούλιο neuvosto nõukogu padome taryba kunsill comhairle",
  ],
  [
    "branch",
    "succursale sucursal filiale filial zweigstelle niederlassung filiaal oddział pobočka podružnica fióktelep sucursala клон υποκατάστημα sivuliike filiāle filialas fergħa brainse",
  ],
];

/** "and" in the EU languages: kept as "and" (a generic word), never the sign of a translation. */
const AND_WORDS = new Set(
  "et y e und en og och es ja ir un agus i in и και".split(" ").map((w) => foldText(w)),
);

/**
 * Words that join the words of a name ("of", "the" and their kin): they are left out of a
 * translated reading, which compares the words that say which body it is.
 */
const CONNECTOR_WORDS = new Set(
  [
    "of the de del della delle dei degli di da do dos das du des d l la le les el los las il lo gli",
    "der den dem des von vom van het zu zur aus för af",
    "na nad pro ze z za od ot",
    "του της των στο",
    "на от",
  ]
    .join(" ")
    .split(" "),
);

/** Heads that French, Spanish, Italian, Portuguese and Romanian names put first (Banque … de X). */
const HEADS = new Set([
  "bank",
  "company",
  "corporation",
  "bureau",
  "department",
  "ministry",
  "committee",
  "commission",
  "group",
  "institute",
  "academy",
  "association",
  "factory",
  "union",
  "enterprise",
  "agency",
  "center",
  "university",
  "council",
  "party",
]);

interface Entry {
  senses: string[];
}
const AND: Entry = { senses: ["and"] };

const fold = (w: string) => foldText(w).replace(/\s+/g, "");
/**
 * The folded forms of a glossary word: a Cyrillic word is Bulgarian (the EU's one Cyrillic
 * language), folded both by the Bulgarian Streamlined System, as a Bulgarian text is
 * (химическа himicheska), and as any-ascii folds other Cyrillic (khimicheska), for a name whose
 * spelling does not show it is Bulgarian.
 */
const folds = (w: string): string[] => {
  const plain = fold(w);
  return /[\u0400-\u04ff]/u.test(w)
    ? [...new Set([plain, fold(streamlinedBulgarian(w))])]
    : [plain];
};

const { exact, stems } = (() => {
  const exact = new Map<string, Entry>();
  const stems = new Map<string, Entry>();
  for (const [english, words] of GLOSSARY) {
    const entry = { senses: english.split("|") };
    for (const w of words.split(" ")) {
      if (!w) continue;
      if (w.endsWith("*")) for (const f of folds(w.slice(0, -1))) stems.set(f, entry);
      else for (const f of folds(w)) exact.set(f, entry);
    }
  }
  return { exact, stems };
})();

/** The longest ending a stem may take (case and gender endings). */
const MAX_ENDING = 4;
const MIN_STEM = 4;

function lookup(t: string): Entry | undefined {
  const e = exact.get(t);
  if (e) return e;
  for (let end = t.length; end >= Math.max(MIN_STEM, t.length - MAX_ENDING); end--) {
    const s = stems.get(t.slice(0, end));
    if (s) return s;
  }
  return undefined;
}

/** Linking letters between the parts of a compound (Entwicklungs|bank, Handels|gesellschaft). */
const LINKS = ["", "s", "es", "n", "en", "e"];

/**
 * A Germanic compound read as glossary words (Handelsbank → trading bank,
 * Schifffahrtsgesellschaft → shipping company): its last part a glossary word, the rest a
 * glossary word (with a linking letter) or a compound itself, three parts at most.
 */
function compound(t: string, depth = 0): Entry[] | undefined {
  if (depth > 2 || t.length < 2 * MIN_STEM) return undefined;
  for (let cut = MIN_STEM; cut <= t.length - MIN_STEM; cut++) {
    const tail = lookup(t.slice(cut));
    if (!tail) continue;
    const head = t.slice(0, cut);
    for (const link of LINKS) {
      if (!head.endsWith(link) || head.length - link.length < MIN_STEM - 1) continue;
      const left = head.slice(0, head.length - link.length);
      const one = lookup(left);
      if (one) return [one, tail];
      const more = compound(left, depth + 1);
      if (more) return [...more, tail];
    }
  }
  return undefined;
}

/** Elisions of French and Italian (d'Amnokkang, l'Industrie, dell'Energia) split off their word. */
const ELISION = /\b(d|l|dell|all|dall|nell|sull|qu)['’]/giu;

const ENGLISH = new Set([
  ...GLOSSARY.flatMap(([english]) => english.split("|")),
  ..."office bureau union commercial banking banks banker bankers ministries".split(" "),
]);

type Part = string | Entry;
/** Where a connector stood (de, of, von): it ends the words that qualify a head written first. */
const JOIN = { senses: [] } as Entry;
const PLACES = new Set(["korea", "korean", "dprk", "north", "democratic", "peoples", "republic"]);
const isPlace = (p: Part) => typeof p !== "string" && PLACES.has(p.senses[0]!);

/** The name's words, read: glossary entries, other words as written, JOIN for each connector. */
function readParts(tokens: readonly string[]): { parts: Part[]; foreign: boolean } {
  const parts: Part[] = [];
  let foreign = false;
  for (const t of tokens) {
    if (CONNECTOR_WORDS.has(t)) {
      parts.push(JOIN);
      continue;
    }
    if (AND_WORDS.has(t)) {
      parts.push(AND);
      continue;
    }
    // An English word stays as written (BANKING, MARITIME): the lists' own names use it so.
    const e = ENGLISH.has(t) ? undefined : (lookup(t) ?? compound(t));
    if (!e) parts.push(t);
    else if (Array.isArray(e)) parts.push(...e);
    else parts.push(e);
    if (e) foreign = true;
  }
  return { parts, foreign };
}

/**
 * English order: the place words first (KOREA …), and a head written first with its qualifying
 * words and "de X" (Banque commerciale de Tanchon, Banque de développement d'Amnokkang) as X,
 * the qualifying words, the head (Tanchon commercial bank, Amnokkang development bank): a
 * stretch after a connector that holds only glossary words qualifies the head.
 */
function englishOrder(parts: readonly Part[]): Part[] {
  const places = parts.filter(isPlace);
  const rest = parts.filter((p) => !isPlace(p));
  const first = rest[0];
  let ordered = rest.filter((p) => p !== JOIN);
  if (first !== undefined && typeof first !== "string" && HEADS.has(first.senses[0]!)) {
    const stretches: Part[][] = [[]];
    for (const p of rest.slice(1))
      if (p === JOIN) stretches.push([]);
      else stretches.at(-1)!.push(p);
    const generic = (s: Part[]) => s.every((p) => typeof p !== "string");
    ordered = [
      ...stretches.filter((s) => !generic(s)).flat(),
      ...stretches.filter(generic).flat(),
      first,
    ];
  }
  // "and" at either end joins nothing (a lone "e" or "i" there is an initial).
  return [...places, ...ordered.filter((p, i) => p !== AND || (i > 0 && i < ordered.length - 1))];
}

/**
 * An organisation name read with the glossary: its generic words in English, connectors left
 * out, in English order (see englishOrder). One reading per sense of its two-sense words
 * (comercial: trading, commercial), at most `senses`; none when no word of it is a glossary word
 * of another language than English.
 */
export function glossaryReadings(name: string, senses = 2): string[][] {
  // Legal forms written out (Societatea cu Răspundere Limitată) go first, as in the name's own
  // reading: their words are no glossary words of the name.
  const tokens = splitOrgName(name.replace(ELISION, "$1 ")).core;
  const { parts, foreign } = readParts(tokens);
  if (!foreign) return [];
  const words = englishOrder(parts);
  const two = senses > 1 && words.some((p) => typeof p !== "string" && p.senses.length > 1);
  return (two ? [0, 1] : [0]).map((sense) =>
    words.map((p) => (typeof p === "string" ? p : (p.senses[sense] ?? p.senses[0]!))),
  );
}
