import SpiegelContent

/// Words too common to be a theme, in English and Dutch (function words and the most frequent verbs).
enum StopWords {
    static let english: Set<String> = Set("""
        a about above after again against all also am an and any are as at be because been before being below between \
        both but by can could did do does doing done down during each even ever every few for from further get got had \
        has have having he her here hers herself him himself his how i if in into is it its itself just let like made \
        make many me might more most much must my myself never no nor not now of off on once one only or other our ours \
        ourselves out over own really said same say says she should so some still such than that the their theirs them \
        themselves then there these they thing things this those through to too under until up upon us very was way we \
        well were what when where which while who whom why will with would yes yet you your yours yourself yourselves \
        customer customers time went go going came come next first know knew known said tell told think thought \
        want wanted need needed try tried asked ask
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let dutch: Set<String> = Set("""
        aan al alle alles als altijd andere ben bij daar daarna dan dat de der deze die dit doch doen door dus een eens \
        en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw \
        kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over \
        reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt \
        zal ze zei zelf zich zij zijn zo zonder zou klant klanten keer gaan ging kwam volgende eerste even echt heel \
        goed gewoon wel weer waar wanneer hoe welke iets dingen ding weet wist weten zeggen zegt gezegd denken dacht \
        vinden vond willen wilde wilden moest kunnen kon vroeg vragen
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static func contains(_ word: String, language: Language) -> Bool {
        (language == .nl ? dutch : english).contains(word) || english.contains(word) && dutch.contains(word)
    }
}
