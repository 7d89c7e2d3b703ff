"""Word lists for the rule-based half of screening, in English, Spanish and the Mexican
slang of cartel-news comment sections. Entries are written folded (lower case, no
accents, see tokens.fold); a trailing ``*`` matches any ending ("pendej*" covers
pendejo, pendeja, pendejos, pendejada).

The lists are deliberately short and blunt: they catch the obvious, and the learned
model (bayes.py) picks up each newsroom's own standards from moderators' decisions.
Words that are the beat's vocabulary ("sicario", "plaza", "cartel", "narco", "muerto")
are not here: readers must be able to discuss violence without being flagged for it.
"""

# Insults and slurs aimed at people (weight 1.0 = enough alone to flag).
INSULTS = {
    # English
    "idiot*": 0.7, "moron*": 0.7, "stupid": 0.5, "dumbass*": 0.8, "retard*": 0.9,
    "asshole*": 0.9, "bitch*": 0.9, "fuck you": 1.0, "motherfucker*": 1.0, "scum": 0.6,
    "piece of shit": 1.0, "shut up": 0.5, "cunt*": 1.0, "whore*": 0.9, "wetback*": 1.0,
    "beaner*": 1.0, "spic*": 0.9, "faggot*": 1.0, "fag": 0.9, "subhuman": 1.0,
    "cockroach*": 0.7, "go back to your country": 1.0, "loser*": 0.5, "clown": 0.4,
    # Spanish
    "pendej*": 0.9, "idiota*": 0.7, "estupid*": 0.6, "imbecil*": 0.8, "cabron*": 0.7,
    "culer*": 0.9, "pinche*": 0.5, "chinga tu madre": 1.0, "chingas a tu madre": 1.0,
    "chingada madre": 0.8, "hijo de puta": 1.0, "hijos de puta": 1.0, "hdp": 0.9,
    "hijo de tu puta madre": 1.0, "puta*": 0.8, "puto*": 0.9, "maricon*": 1.0,
    "joto*": 0.9, "perra*": 0.8, "zorra*": 0.8, "mierda": 0.5, "basura": 0.5,
    "naco*": 0.7, "indio pata rajada": 1.0, "gata": 0.4, "mamon*": 0.6, "ojete*": 0.8,
    "verga": 0.6, "vale verga": 0.6, "come mierda": 0.9, "mamahuevo*": 0.9,
    "lambiscon*": 0.5, "chupamedias": 0.6, "retrasad*": 0.8, "subnormal*": 0.8,
    "gusano*": 0.5, "rata*": 0.5, "lacra*": 0.7, "escoria": 0.7, "malparid*": 0.9,
    "tu jefa": 0.6, "a tu madre": 0.6,
}

# Threats and calls to violence against a person: always held, in the urgent queue.
THREATS = [
    # English
    "i will kill you", "i'll kill you", "gonna kill you", "going to kill you",
    "we will kill you", "we'll kill you", "you're dead", "you are dead", "your days are numbered",
    "we know where you live", "i know where you live", "we're coming for you",
    "we are coming for you", "watch your back", "you will pay", "i will find you",
    "we will find you", "someone should kill", "somebody should kill", "should be shot",
    "put a bullet in", "cut your head", "your family will", "you and your family",
    "kill that reporter", "kill the reporter", "kill the journalist",
    # Spanish and Mexican slang
    "te vamos a matar", "te voy a matar", "los vamos a matar", "te vamos a levantar",
    "te vamos a encontrar", "ya sabemos donde vives", "sabemos donde vives",
    "se donde vives", "ya te ubicamos", "ya te tenemos ubicad", "ya estas ubicad",
    "cuidate la espalda", "te va a cargar la verga", "te va a llevar la verga",
    "te va a cargar el payaso", "te va a llevar el payaso", "se los va a cargar",
    "vas a valer verga", "vas a aparecer en", "te vamos a dar piso", "darle piso",
    "denle piso", "hay que levantarlo", "hay que levantarla", "levantenlo", "levantenla",
    "hay que matarlo", "hay que matarla", "merece morir", "merecen morir",
    "tus dias estan contados", "ya te llego tu hora", "tu familia va a",
    "a ti y a tu familia", "te vamos a quemar", "te vamos a pozolear",
    "te vamos a encobijar", "vas a terminar en una fosa", "calladito o te",
    "vamos por ti", "vamos a ir por ti", "vamos por el periodista",
    "maten al periodista", "maten a ese reportero",
]

# Spam: commercial and scam vocabulary that has no place in a news comment section.
SPAM = {
    "whatsapp": 0.5, "telegram": 0.3, "dm me": 0.5, "click here": 0.8, "haz clic": 0.7,
    "da clic": 0.7, "visit my": 0.6, "visita mi": 0.6, "check out my": 0.6, "buy now": 0.8,
    "compra ahora": 0.8, "casino": 0.7, "apuestas": 0.5, "bet365": 0.9, "slots": 0.7,
    "crypto": 0.5, "bitcoin": 0.4, "forex": 0.8, "trading signals": 0.9,
    "inversion garantizada": 0.9, "guaranteed return": 0.9, "ganancias diarias": 0.9,
    "daily profit": 0.9, "work from home": 0.7, "trabaja desde casa": 0.7,
    "gana dinero": 0.8, "make money": 0.7, "prestamo*": 0.6, "loan*": 0.5,
    "sin buro": 0.9, "no credit check": 0.9, "seguidores": 0.6, "followers": 0.5,
    "viagra": 1.0, "cialis": 1.0, "pills": 0.5, "pastillas": 0.4, "onlyfans": 0.9,
    "hot singles": 1.0, "chicas calientes": 1.0, "escort*": 0.8, "promo code": 0.8,
    "codigo de descuento": 0.8, "limited offer": 0.8, "oferta limitada": 0.8,
    "amarres": 0.9, "brujo": 0.6, "santero": 0.5, "recupera a tu pareja": 1.0,
    "hechizo*": 0.7, "spell caster": 1.0, "lottery": 0.6, "loteria": 0.4,
    "subscribe to my": 0.8, "suscribete a mi": 0.8, "mi canal": 0.5, "my channel": 0.5,
    "seo services": 1.0, "backlinks": 1.0, "replica watches": 1.0, "cheap": 0.3,
    "barato*": 0.3, "descuento": 0.4, "discount": 0.4, "free money": 0.9,
    "dinero facil": 0.9, "easy money": 0.8, "trabajo urgente": 0.7, "hiring now": 0.7,
}
