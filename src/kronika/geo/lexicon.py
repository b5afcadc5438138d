"""Small hand-written word lists that the gazetteer cannot supply.

They encode how English-language war reporting talks about places: which words turn a name into a region,
which words before a capitalised token announce a place, which capitalised words are people or months.
"""

from __future__ import annotations

# Water bodies and areas that are not in any administrative gazetteer. Coordinates are a representative
# interior point, as map services give them; precision says they are not a settlement.
WATER: tuple[tuple[str, tuple[str, ...], float, float], ...] = (
    ("Black Sea", ("black sea",), 43.4, 34.0),
    ("Sea of Azov", ("sea of azov", "azov sea", "azov sea"), 46.0, 36.5),
    ("Kerch Strait", ("kerch strait", "strait of kerch"), 45.3, 36.5),
    ("Baltic Sea", ("baltic sea", "baltic"), 58.0, 20.0),
    ("Caspian Sea", ("caspian sea", "caspian"), 42.0, 51.0),
    ("Mediterranean Sea", ("mediterranean sea", "mediterranean"), 35.0, 18.0),
    ("Bosporus", ("bosporus", "bosphorus", "bosporus strait", "bosphorus strait"), 41.12, 29.07),
    ("Dnipro River", ("dnipro river", "dnieper river", "dnieper", "dnepr river", "river dnipro"), 47.0, 33.5),
    ("Kakhovka Reservoir", ("kakhovka reservoir",), 47.3, 34.3),
    ("Gulf of Finland", ("gulf of finland",), 60.0, 26.5),
    ("Barents Sea", ("barents sea",), 74.0, 40.0),
)

# Areas of the war that span several admin units: placed at admin1 precision on a representative point.
AREAS: tuple[tuple[str, tuple[str, ...], str, float, float], ...] = (
    ("Donbas", ("donbas", "donbass", "the donbas"), "UA", 48.3, 38.3),
)

# Named sites (plants, bridges, islands, summit venues) that news reports as places: point precision.
SITES: tuple[tuple[str, tuple[str, ...], str, float, float], ...] = (
    ("Zaporizhzhia Nuclear Power Plant", ("zaporizhzhia nuclear power plant", "zaporizhzhia npp",
                                          "zaporizhzhia nuclear plant", "zaporizhia nuclear power plant",
                                          "zaporizhzhya nuclear power plant", "zaporozhye nuclear power plant"),
     "UA", 47.51, 34.58),
    ("Chornobyl Nuclear Power Plant", ("chornobyl nuclear power plant", "chernobyl nuclear power plant",
                                       "chernobyl nuclear plant", "chornobyl nuclear plant", "chornobyl npp"),
     "UA", 51.39, 30.10),
    ("Snake Island", ("snake island", "zmiinyi island"), "UA", 45.255, 30.204),
    ("Crimean Bridge", ("crimean bridge", "kerch bridge", "kerch strait bridge"), "UA", 45.31, 36.51),
    ("Azovstal", ("azovstal", "azovstal steel plant", "azovstal plant"), "UA", 47.098, 37.59),
    ("Mar-a-Lago", ("mar a lago",), "US", 26.677, -80.037),
    ("Camp David", ("camp david",), "US", 39.648, -77.465),
    ("Bürgenstock", ("burgenstock", "buergenstock"), "CH", 46.995, 8.381),
)

# Country names as news writes them, beyond GeoNames' own name.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("us", "u s", "usa", "u s a", "united states of america", "america", "the united states"),
    "GB": ("uk", "u k", "britain", "great britain", "england"),
    "TR": ("turkiye", "türkiye"),
    "RU": ("russian federation",),
    "CZ": ("czech republic", "czechia"),
    "NL": ("holland", "the netherlands"),
    "KP": ("north korea",),
    "KR": ("south korea",),
    "AE": ("uae", "emirates"),
    "MD": ("moldova",),
    "VA": ("vatican", "the vatican", "holy see"),
    "IR": ("iran",),
    "SY": ("syria",),
    "CN": ("china",),
    "VN": ("vietnam",),
    "LA": ("laos",),
    "BO": ("bolivia",),
    "VE": ("venezuela",),
    "TZ": ("tanzania",),
    "CD": ("dr congo", "democratic republic of the congo"),
}

# "the Ukrainian capital" names the capital of the country the adjective belongs to.
DEMONYM_CAPITALS: dict[str, str] = {
    "ukrainian": "UA", "russian": "RU", "belarusian": "BY", "polish": "PL", "turkish": "TR", "saudi": "SA",
    "american": "US", "us": "US", "british": "GB", "french": "FR", "german": "DE", "hungarian": "HU",
    "moldovan": "MD", "georgian": "GE", "finnish": "FI", "lithuanian": "LT", "latvian": "LV",
    "estonian": "EE", "romanian": "RO", "slovak": "SK", "czech": "CZ", "italian": "IT", "qatari": "QA",
    "emirati": "AE", "chinese": "CN", "japanese": "JP", "iranian": "IR", "north korean": "KP",
    "austrian": "AT", "swiss": "CH", "belgian": "BE", "dutch": "NL", "danish": "DK", "norwegian": "NO",
    "swedish": "SE", "spanish": "ES", "israeli": "IL", "indian": "IN", "kazakh": "KZ",
}

# Cities named in diplomacy news that are neither capitals nor among the world's largest.
DIPLOMACY_CITIES: tuple[str, ...] = (
    "Geneva", "Davos", "Munich", "Istanbul", "Jeddah", "Dubai", "Abu Dhabi", "Rzeszow", "Anchorage",
    "Sochi", "Antalya", "Hiroshima", "Vilnius", "The Hague", "Strasbourg", "Brussels", "Doha", "Riyadh",
    "Miami", "New York", "Los Angeles", "Washington", "Milan", "Krakow", "Chisinau",
    "Minsk", "Tbilisi", "Baku", "Yerevan", "Almaty", "Astana", "Tashkent", "Ramstein", "Wiesbaden",
    "Lublin", "Gdansk", "Odense", "Copenhagen", "Oslo", "Stockholm", "Helsinki", "Reykjavik", "Dublin",
    "Hamburg", "Frankfurt", "Cologne", "Zurich", "Lausanne", "Bern", "Vienna", "Prague", "Budapest",
    "Bratislava", "Bucharest", "Sofia", "Belgrade", "Tirana", "Skopje", "Podgorica", "Sarajevo", "Zagreb",
    "Ljubljana", "Rome", "Paris", "London", "Madrid", "Lisbon", "Berlin", "Warsaw", "Riga", "Tallinn",
    "Beijing", "Tokyo", "Seoul", "Pyongyang", "Tehran", "Ankara", "Cairo", "Tel Aviv", "Jerusalem",
    "New Delhi", "Brasilia", "Ottawa", "Canberra", "Pretoria", "Johannesburg", "Kinshasa", "Nairobi",
    "Vatican City", "Luxembourg", "Valletta", "Nicosia", "Athens", "Amsterdam", "Rotterdam", "Bucha",
)

# Small towns of diplomacy news that GeoNames' 15,000-people city list leaves out: (name, ISO2, also called).
SMALL_DIPLOMACY_TOWNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Davos", "CH", ()),
    ("Palm Beach", "US", ()),
    ("Ramstein-Miesenbach", "DE", ("ramstein", "ramstein air base")),
)

# Words after a name that make it a region ("the Kharkiv region") or a district ("Synelnyky district").
REGION_WORDS = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "kray",
                          "territory", "area", "regional"})
DISTRICT_WORDS = frozenset({"district", "districts", "raion", "raions", "rayon", "county"})

# Words before a capitalised token that announce a place: "near X", "the villages of X, Y and Z".
PLACE_CUES = frozenset({"in", "near", "at", "outside", "around", "towards", "toward", "into", "from", "to",
                        "of", "captured", "liberated", "seized", "took", "entered", "retook", "recaptured",
                        "occupied", "hit", "struck", "attacked", "shelled", "targeted", "over", "across",
                        "besieged", "encircled", "surrounded", "via", "through", "outskirts", "approaches"})
SETTLEMENT_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "cities", "settlement",
                              "settlements", "hamlet", "port", "hub", "community", "communities"})

# Capitalised words before a name that make it a person, not a place ("Mr Lysak", "President Kirov").
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "president", "minister", "premier", "general", "gen", "colonel",
    "col", "lieutenant", "lt", "major", "maj", "captain", "capt", "sergeant", "sgt", "commander", "governor",
    "gov", "mayor", "senator", "sen", "rep", "representative", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "patriarch", "metropolitan", "bishop", "father", "ambassador", "envoy",
    "chief", "head", "deputy", "admiral", "marshal", "prince", "king", "queen", "pope", "professor", "prof",
    "judge", "justice", "officer", "private", "corporal", "director", "analyst", "journalist", "correspondent",
    "leader", "speaker", "chairman", "chairwoman", "prosecutor", "lawyer", "st",
})

# Words after a place name that make it part of an organisation's name, not an event place.
ORG_SUFFIXES = frozenset({"independent", "post", "times", "telegraph", "herald", "tribune", "journal",
                          "school", "university", "institute", "academy", "club", "patriarchate",
                          "dynamo", "fc", "metro", "opera", "philharmonic", "declaration", "format",
                          "process", "agreement", "agreements", "accords", "accord", "protocol", "protocols",
                          "memorandum", "summit", "talks", "initiative", "convention", "security", "forum",
                          "group", "centre", "center", "court", "tribunal", "bureau", "daily",
                          "news", "service", "pravda", "inform", "online", "today", "brigade", "regiment",
                          "battalion", "division", "corps", "legion", "army", "front", "oblenergo", "energo"})
ORG_PREFIXES = frozenset({"dynamo", "shakhtar", "zorya", "metalist", "spartak", "lokomotiv", "zenit", "cska",
                          "radio", "echo", "ekho", "novaya", "moscow's",
                          # ships named after places: "the cruiser Moskva", "the landing ship Novocherkassk"
                          "cruiser", "frigate", "ship", "vessel", "warship", "flagship", "submarine", "tanker",
                          "corvette", "destroyer", "tug", "ferry"})

# Capitalised words that are never places however the gazetteer spells its villages.
NEVER_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mr", "mrs", "ms", "president", "minister", "god", "christmas", "easter", "telegram", "facebook",
    "twitter", "x", "nato", "eu", "un", "afp", "reuters", "tass", "ria", "interfax", "bbc", "cnn", "axios",
    "kremlin", "pentagon", "white house", "parliament", "rada", "verkhovna rada", "duma", "senate",
    "congress", "grad", "shahed", "shaheds", "geran", "iskander", "kinzhal", "kalibr", "kh", "patriot",
    "storm shadow", "atacms", "himars", "tomahawk", "oreshnik", "lancet", "bayraktar", "leopard", "abrams",
    "bradley", "wagner", "akhmat", "azov brigade", "kraken", "deep state", "deepstate", "isw", "truth social",
    "new", "north", "south", "east", "west", "central", "western", "eastern", "northern", "southern",
    "ukrainian", "russian", "soviet", "european", "american", "british", "the", "a", "an", "and", "or",
    "but", "if", "as", "at", "by", "in", "on", "of", "to", "it", "he", "she", "we", "they", "i", "you",
    "ok", "tv", "ai", "covid", "un security council", "security council", "victory day", "independence day",
    # media whose names are also village names
    "pravda", "hromadske", "suspilne", "espreso", "strana", "liga", "meduza", "kommersant", "izvestia",
    # historical lands and military sectors, not places a report can be mapped to
    "polissia", "podillia", "tavria", "tavriia", "sivershchyna", "slobozhanshchyna", "novorossiya", "novorossia",
    "galicia", "halychyna", "bessarabia",
})

# Lower-case words after a name that make it a military formation: "the Khortytsia group", "Dnipro group".
UNIT_SUFFIXES = frozenset({"group", "brigade", "regiment", "battalion", "corps", "division", "grouping"})

# Surnames and given names in the news that are also the names of towns (Engels, Pushkin, Kirov ...).
# They count as places only with a place cue ("in Engels", "the Engels airbase", "Kirov region").
PERSON_NAMES = frozenset({
    "engels", "pushkin", "kirov", "chekhov", "lermontov", "gagarin", "korolev", "korolyov", "zhukovsky",
    "zhukovskiy", "lenin", "marx", "marks", "frunze", "kotovsk", "chapaev", "tolstoy", "gorky", "gorkiy",
    "shevchenko", "franko", "kutuzov", "suvorov", "lysak", "putin", "trump", "biden", "zelensky", "zelenskiy",
    "zelenskyy", "lavrov", "peskov", "shoigu", "gerasimov", "erdogan", "macron", "merz", "starmer",
    "witkoff", "rubio", "vance", "kellogg", "yermak", "umerov", "sybiga", "syrskyi", "budanov", "klitschko",
    "sobyanin", "gladkov", "balitsky", "pushilin", "saldo", "kadyrov", "prigozhin", "medvedev", "navalny",
    "tymoshenko", "poroshenko", "yanukovych", "sergei", "sergey", "sergiy", "serhiy", "andriy", "andrii",
    "andrei", "andrey", "oleksandr", "alexander", "aleksandr", "volodymyr", "vladimir", "dmitry", "dmytro",
    "yuriy", "yuri", "igor", "ihor", "olena", "elena", "olga", "olha", "maria", "mariya", "sofia", "sophia",
    "victoria", "viktoria", "natalia", "nataliya", "irina", "iryna", "anna", "tatiana", "ivan",
    "mykola", "nikolai", "pavlo", "pavel", "petro", "pyotr", "peter", "mikhail", "mykhailo", "michael",
    "boris", "denis", "denys", "roman", "ruslan", "maxim", "maksym", "oleg", "oleh", "vitali", "vitaliy",
    "valery", "valeriy", "viktor", "victor", "yevgeny", "yevhen", "evgeny", "anatoly", "georgy", "kirill",
    "nadia", "nadiya", "lyubov", "vera", "john", "james", "david", "mark", "paul", "donald", "steve",
    "emmanuel", "keir", "friedrich", "ursula", "recep", "tayyip", "karoline", "dan", "charles", "elon",
    "joe", "kamala", "marco", "keith", "lindsey", "mike", "antonio", "xi", "kim", "narendra", "benjamin",
    "alexei", "aleksei", "oleksiy", "oleksii", "stepan", "taras", "bohdan", "ostap", "vasyl", "vasily",
    "lev", "leo", "anton", "artem", "artyom", "kyrylo", "kostiantyn", "konstantin", "arsen", "rustem",
    "vadym", "vadim", "yaroslav", "zhanna", "darya", "daria", "kateryna", "ekaterina", "lyudmila",
    "svitlana", "svetlana", "oksana", "yulia", "yuliia", "marina", "maryna", "valentina", "galina",
    "halyna", "larysa", "larisa", "nina", "alla", "inna", "lina", "lisa", "ella", "emma", "julia",
    "oleksandra", "aleksandra", "alexandra", "marta", "nazar", "danylo", "daniil", "fedir",
    "fyodor", "hryhoriy", "grigory", "semen", "semyon", "ilya", "illia", "zakhar", "matvei", "tymur",
    "timur", "ramzan", "emil", "arthur", "artur", "robert", "richard", "thomas", "william", "george",
    "henry", "edward", "frank", "jack", "harry", "helen", "elizabeth", "mary", "catherine", "margaret",
    "felix", "dzerzhinsky", "dzerzhinskiy", "zhukov", "lomonosov", "kropotkin", "dimitrov", "sverdlov",
    "kalinin", "stalin", "budyonny", "voroshilov", "ordzhonikidze", "kuibyshev", "kuybyshev", "zhdanov",
})
