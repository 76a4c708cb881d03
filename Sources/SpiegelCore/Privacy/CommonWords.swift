/// Dutch and English words that are written with a capital at the start of a sentence or in titles but
/// are never a surname: articles, pronouns, prepositions, conjunctions, common adverbs, days and months.
/// The name detector never takes one of these for a name, so "Daarna Jansen…" does not start a name.
enum CommonWords {
    static let all: Set<String> = Set(list.split(whereSeparator: \.isWhitespace).map { $0.lowercased() })

    private static let list = """
    de het een ik je jij u hij zij ze we wij jullie zich mij me mijn jouw uw zijn haar ons onze hun hen
    dit dat die deze daar hier er wat wie waar wanneer hoe waarom welk welke wiens
    en of maar want dus als dan toen omdat doordat terwijl zodat hoewel tenzij nadat voordat sinds totdat
    op in aan met voor na bij door over uit tot om naar onder boven tussen tegen zonder binnen buiten
    achter naast langs rond vanaf vanuit volgens via per sinds
    niet geen wel ook nog al zo soms vaak altijd nooit meestal misschien eigenlijk echt heel erg zeer
    morgen gisteren vandaag vanavond vanochtend straks later eerst daarna daarom tenslotte ten slotte
    verder bovendien toch juist zelfs alleen samen ja nee oké ok goed prima fijn graag dank bedankt
    iemand niemand iedereen alles niets elke ieder iedere sommige veel weinig meer minder beide allebei
    volgende vorige eerste tweede derde laatste nieuwe oude andere zelfde
    is was ben bent zijn waren heb hebt heeft hebben had hadden kan kon kunnen wil wilde willen zal zou
    moet moest moeten mag mocht mogen ga gaat gaan ging doe doet doen deed zeg zegt zei komt kwam
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    januari februari maart april mei juni juli augustus september oktober november december
    the a an i you he she it we they me him us them my your his its our their mine yours
    this that these those there here what who whom whose where when why how which
    and or but so if because although though while unless until since after before then than
    at on in of to for from with by about into onto over under between against without within
    not no yes also too very really just only even still already again never always often sometimes
    today tomorrow yesterday tonight now later soon first finally next last new old other same
    all both each every some many much more most less few any none nobody everyone someone something
    is are was were be been am do does did have has had can could will would shall should may might must
    let lets please thanks thank hello hi hey dear ok okay well maybe perhaps however therefore
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """
}
