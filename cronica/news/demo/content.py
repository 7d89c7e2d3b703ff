"""Demo newsroom content, written for cronica in its own words.

Articles report real, public events (facts only, as reported by the outlets listed in
their sources; round, widely reported figures; no invented quotes of real people).
Comments are invented readers' voices, as loose and opinionated as real ones, mostly
anonymous, replying to each other by the time shown on the comment they answer
("9:35 - ..."); a few are left pending so the moderation queue has work. All times are
local site time (America/Mexico_City). Formats:

- IMAGES: key -> {title, alt, credit, motif} (motif: a key of ``images.MOTIFS``)
- CONTRIBUTORS: [{pen_name, bio, bio_es}]
- ARTICLES: [{slug, title, language, summary, published, authors, tags, lead_image,
  body: [(kind, value)], sources: [(outlet, url)], comments: [{id, name, body, at,
  status, staff, replies: [...]}]}]; body kinds: paragraph (HTML), heading (text),
  quote ({quote, attribution}), image ({image: key, caption, credit}), video ({url,
  title, description}).
"""

from collections.abc import Iterable
from typing import Any

PENDING = "pending"
ILLUSTRATION = "Illustration: Crónica"


def comment(
    id: str,
    at: str,
    body: str,
    name: str = "",
    replies: Iterable[dict[str, Any]] = (),
    status: str | None = None,
    staff: bool = False,
) -> dict[str, Any]:
    """One reader comment in the loader's format; ``at`` is local time, ISO 8601."""
    item: dict[str, Any] = {
        "id": id,
        "name": name,
        "body": body,
        "at": at,
        "replies": list(replies),
    }
    if status:
        item["status"] = status
    if staff:
        item["staff"] = True
    return item


IMAGES: dict[str, dict[str, str]] = {
    "port-containers": {
        "title": "Containers at a banana export terminal",
        "alt": "Stacked shipping containers on a quay under a crane, sea in front.",
        "credit": ILLUSTRATION,
        "motif": "port",
    },
    "reefer-bananas": {
        "title": "Boxes of bananas inside a refrigerated container",
        "alt": "Rows of cardboard fruit boxes stacked to the roof of a container, "
        "green bananas showing in the open ones.",
        "credit": ILLUSTRATION,
        "motif": "bananas",
    },
    "north-sea-quay": {
        "title": "Container quay on the North Sea",
        "alt": "Coloured containers lined up on a quay by grey water, a crane at the right.",
        "credit": ILLUSTRATION,
        "motif": "port",
    },
    "banana-cargo": {
        "title": "Banana cargo ready for export",
        "alt": "Fruit boxes stacked in a container, some open with bunches of green bananas.",
        "credit": ILLUSTRATION,
        "motif": "bananas",
    },
    "campaign-stage": {
        "title": "An empty campaign stage at night",
        "alt": "A stage with a lectern and microphones between two yellow, blue and red "
        "flags, lit by a row of lamps.",
        "credit": ILLUSTRATION,
        "motif": "rally",
    },
    "guayaquil-prison": {
        "title": "A prison block behind high walls",
        "alt": "A long pale prison building with barred windows and a watchtower.",
        "credit": ILLUSTRATION,
        "motif": "prison",
    },
    "guayaquil-night": {
        "title": "A coastal city at night",
        "alt": "Dark city blocks with a few lit windows under a purple night sky.",
        "credit": ILLUSTRATION,
        "motif": "city",
    },
    "federal-courthouse": {
        "title": "A federal courthouse",
        "alt": "A white courthouse with columns, a pediment and wide steps, a flag at the side.",
        "credit": ILLUSTRATION,
        "motif": "courthouse",
    },
    "border-fence": {
        "title": "The border fence in the desert",
        "alt": "A line of steel posts crossing dry hills under a pale sky.",
        "credit": ILLUSTRATION,
        "motif": "border",
    },
    "desert-airstrip": {
        "title": "A small plane on a desert runway",
        "alt": "A small white twin-engine plane on a runway in the desert at dusk, a hangar "
        "behind it.",
        "credit": ILLUSTRATION,
        "motif": "airstrip",
    },
    "chihuahuan-border": {
        "title": "Border posts across dry hills",
        "alt": "A steel border fence running over brown hills.",
        "credit": ILLUSTRATION,
        "motif": "border",
    },
    "manabi-coast": {
        "title": "A port town on the Pacific coast",
        "alt": "A beach with palm trees, blue sea, and small houses on a green hill.",
        "credit": ILLUSTRATION,
        "motif": "coast",
    },
    "manta-bay": {
        "title": "Houses on a hill above a Pacific bay",
        "alt": "Small houses with red roofs on a green hill above a bay, palms on the beach.",
        "credit": ILLUSTRATION,
        "motif": "coast",
    },
    "maximum-security": {
        "title": "A maximum-security prison",
        "alt": "A prison block with barred windows behind a wall, a tower in the middle.",
        "credit": ILLUSTRATION,
        "motif": "prison",
    },
    "brooklyn-courthouse": {
        "title": "Courthouse steps",
        "alt": "A classical courthouse with eight columns and a flag pole.",
        "credit": ILLUSTRATION,
        "motif": "courthouse",
    },
    "runway-dusk": {
        "title": "A runway at dusk",
        "alt": "A small plane on a runway in the evening, desert around it.",
        "credit": ILLUSTRATION,
        "motif": "airstrip",
    },
    "jalisco-agave": {
        "title": "Agave fields under volcanic hills",
        "alt": "Rows of blue-green agave plants running towards grey hills.",
        "credit": ILLUSTRATION,
        "motif": "agave",
    },
    "guadalajara-night": {
        "title": "A big city at night",
        "alt": "Tall dark buildings with scattered lit windows against a night sky.",
        "credit": ILLUSTRATION,
        "motif": "city",
    },
}

CONTRIBUTORS: list[dict[str, str]] = [
    {
        "pen_name": "Marea",
        "bio": "Covers ports, shipping and the cocaine trade out of Ecuador.",
        "bio_es": "Cubre puertos, navieras y el tráfico de cocaína desde Ecuador.",
    },
    {
        "pen_name": "Ceniza",
        "bio": "Reports on Ecuador's prisons, gangs and politics from the coast.",
        "bio_es": "Reporta sobre las cárceles, las bandas y la política de Ecuador desde la costa.",
    },
    {
        "pen_name": "Tecolote",
        "bio": "Follows the Sinaloa and Jalisco cartels, and the cases against their leaders "
        "in US courts.",
        "bio_es": "Sigue a los cárteles de Sinaloa y Jalisco, y los juicios contra sus líderes "
        "en cortes de Estados Unidos.",
    },
]

ALGECIRAS = {
    "slug": "spain-record-cocaine-seizure-bananas-2023",
    "title": "Spain seizes 9.5 tons of cocaine hidden in a banana shipment from Ecuador",
    "language": "en",
    "summary": "The largest cocaine seizure in Spain's history was found among boxes of "
    "bananas in a refrigerated container at the port of Algeciras.",
    "published": "2023-08-26T09:15:00",
    "authors": ["Marea"],
    "tags": ["Ecuador", "Spain", "Cocaine", "Ports", "Bananas"],
    "lead_image": "port-containers",
    "body": [
        (
            "paragraph",
            "<p>Spanish police and customs officers found 9.5 tons of cocaine "
            "hidden among cardboard boxes of bananas in a refrigerated container "
            "at the port of Algeciras, in the far south of Spain, on 23 August "
            "2023. Announcing it two days later, the authorities called it the "
            "largest cocaine seizure ever made in the country. The container had "
            "come from Ecuador and was meant to travel on to Portugal.</p>",
        ),
        (
            "paragraph",
            "<p>The previous Spanish record, 8.4 tons, was also found in a banana "
            "container in Algeciras, in 2018. No arrests were announced. Police "
            "said the boxes carried more than 30 different logos, one for each "
            "European criminal group that was to receive its share.</p>",
        ),
        (
            "paragraph",
            "<p>In kilos the figure is easier to picture: some 9,500 kilos of "
            "cocaine, packed in bricks among fruit meant for supermarket shelves. "
            "Wholesale cocaine in Europe sells for tens of thousands of euros a "
            "kilo, so a load of that size is worth hundreds of millions of euros "
            "before it is ever cut and sold on the street.</p>",
        ),
        ("heading", "Why Algeciras"),
        (
            "paragraph",
            "<p>Algeciras sits on the Strait of Gibraltar and is one of the "
            "busiest container ports in Europe. Much of its traffic is "
            "transshipment: boxes arrive on one ship and leave on another, which "
            "gives smugglers more than one chance to slip a load into legitimate "
            "cargo, or to take it out.</p>",
        ),
        (
            "image",
            {
                "image": "reefer-bananas",
                "caption": "Boxes of bananas in a refrigerated container: the kind of "
                "cargo the Algeciras load was hidden in.",
            },
        ),
        (
            "paragraph",
            "<p>Refrigerated containers of fruit are a favourite cover. Bananas "
            "ripen, so importers, shipping lines and inspectors are all under "
            "pressure to clear them fast. Traffickers often hide the drug in a "
            "legitimate exporter's cargo without its knowledge, a method known as "
            "<i>rip-on/rip-off</i>. In this case, police said the network had "
            "shipped through a banana exporting company of its own in Machala, "
            "Ecuador's main banana port.</p>",
        ),
        ("heading", "Ecuador, the banana route"),
        (
            "paragraph",
            "<p>Ecuador is the world's largest exporter of bananas, and it sits "
            "between Colombia and Peru, the two largest producers of coca leaf and "
            "cocaine. Its ports, Guayaquil above all, have become a main departure "
            "point for cocaine bound for Europe, and its gangs fight for that "
            "business inside and outside the country's prisons.</p>",
        ),
        (
            "paragraph",
            "<p>Spain was not alone this summer. In July, Dutch customs found "
            "about 8 tons of cocaine among pallets of Ecuadorian bananas in the "
            "port of Rotterdam, the largest seizure in the port's history. In "
            "Antwerp, Europe's main gateway for the drug, Belgian customs seized "
            "a record 110 tons in 2022.</p>",
        ),
        (
            "paragraph",
            "<p>Record seizures measure enforcement as much as trafficking. The "
            "United Nations Office on Drugs and Crime has reported record cocaine "
            "production in recent years, and European police forces say that what "
            "they seize is only part of what gets through.</p>",
        ),
    ],
    "sources": [
        ("Reuters", "https://www.reuters.com/"),
        ("El País", "https://elpais.com/"),
        ("The Guardian", "https://www.theguardian.com/"),
        ("Policía Nacional", "https://www.policia.es/"),
    ],
    "comments": [
        comment(
            "1",
            "2023-08-26T09:35:00",
            "Nine and a half tons in one container and they still say the war on drugs is working.",
            replies=[
                comment(
                    "1.1",
                    "2023-08-26T10:02:00",
                    "9:35 - that is only what they caught. Think about what went through.",
                    name="Porteño",
                ),
                comment(
                    "1.2",
                    "2023-08-26T10:09:00",
                    "Nadie dice que esté funcionando, compa. Pero mejor en un "
                    "almacén de la policía que en la calle.",
                    replies=[
                        comment(
                            "1.2.1",
                            "2023-08-26T10:31:00",
                            "@10:09 until somebody inside the warehouse sells it back.",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "2",
            "2023-08-26T10:15:00",
            "Pobres bananeros, al final son los que pagan: más revisiones, más "
            "retrasos y la fruta se pudre en el puerto.",
            replies=[
                comment(
                    "2.1",
                    "2023-08-26T11:40:00",
                    "10:15 exacto. Mi tío exporta desde El Oro y ahora cada "
                    "contenedor es un riesgo para él.",
                    name="Orense",
                ),
            ],
        ),
        comment(
            "3",
            "2023-08-26T11:05:00",
            "Algeciras again. Half the coast of Cádiz lives off the hashish boats anyway.",
            replies=[
                comment(
                    "3.1",
                    "2023-08-26T11:22:00",
                    "11:05 hashish is a different business. This is containers, "
                    "offices and bribes at the terminal, not lanchas on the "
                    "beach.",
                ),
            ],
        ),
        comment(
            "4",
            "2023-08-26T12:48:00",
            "Who owned the container? That is the only question that matters.",
            replies=[
                comment(
                    "4.1",
                    "2023-08-26T13:10:00",
                    "12:48 police said the network shipped through a banana "
                    "exporter in Machala. No arrests so far.",
                    name="Marea",
                    staff=True,
                ),
            ],
        ),
        comment(
            "5",
            "2023-08-26T15:20:00",
            "Ecuador was a peaceful country ten years ago. Now look at it.",
        ),
        comment(
            "6",
            "2023-08-26T18:02:00",
            "Cheap flights to Guayaquil, best prices, write to me on WhatsApp",
            status=PENDING,
        ),
    ],
}

ROTTERDAM = {
    "slug": "paises-bajos-cocaina-bananos-rotterdam-2023",
    "title": "Países Bajos decomisa 8 toneladas de cocaína escondidas en bananos de Ecuador",
    "language": "es",
    "summary": "Es el mayor decomiso en la historia del puerto de Rotterdam: más de 8.000 "
    "kilos de cocaína ocultos entre palés de bananos llegados de Ecuador.",
    "published": "2023-08-11T08:30:00",
    "authors": ["Marea", "Ceniza"],
    "tags": ["Ecuador", "Países Bajos", "Cocaína", "Puertos", "Bananos"],
    "lead_image": "north-sea-quay",
    "body": [
        (
            "paragraph",
            "<p>Aduaneros de Países Bajos encontraron el 13 de julio de 2023 "
            "unas 8 toneladas de cocaína escondidas en un cargamento de bananos "
            "procedente de Ecuador en el puerto de Rotterdam. La Fiscalía "
            "neerlandesa lo anunció el 10 de agosto y lo describió como el mayor "
            "decomiso de drogas en la historia del puerto.</p>",
        ),
        (
            "paragraph",
            "<p>Eran más de 8.000 paquetes de un kilo, repartidos en doce palés "
            "de fruta, con un valor estimado de unos 600 millones de euros. La "
            "droga ya fue destruida.</p>",
        ),
        ("heading", "La ruta del banano"),
        (
            "paragraph",
            "<p>Ecuador es el mayor exportador de bananos del mundo y la Unión "
            "Europea es uno de sus principales mercados. El país está entre "
            "Colombia y Perú, los dos mayores productores de hoja de coca, y usa "
            "el dólar estadounidense desde el año 2000, lo que facilita mover y "
            "lavar dinero.</p>",
        ),
        (
            "paragraph",
            "<p>Las bandas aprovechan el volumen del comercio legal. Con el "
            "llamado <i>gancho ciego</i>, meten la droga en contenedores de "
            "exportadores que no saben nada y pagan a cómplices en el puerto de "
            "destino para sacarla antes de que la carga llegue a su dueño.</p>",
        ),
        (
            "image",
            {
                "image": "banana-cargo",
                "caption": "Cajas de bananos listas para exportar: entre palés como "
                "estos iban los paquetes de cocaína.",
            },
        ),
        (
            "paragraph",
            "<p>Rotterdam, el puerto más grande de Europa, y Amberes, en la vecina "
            "Bélgica, son las principales puertas de entrada de la cocaína al "
            "continente. Las autoridades de ambos países han advertido que las "
            "redes reclutan a trabajadores portuarios para sacar la droga de los "
            "contenedores. La aduana belga decomisó en Amberes la cifra récord de "
            "110 toneladas en 2022.</p>",
        ),
        ("heading", "Un golpe a la imagen de Ecuador"),
        (
            "paragraph",
            "<p>El anuncio llegó un día después del asesinato en Quito de Fernando "
            "Villavicencio, candidato a la presidencia de Ecuador, que había "
            "denunciado amenazas de Los Choneros.</p>",
        ),
        (
            "paragraph",
            "<p>Para Ecuador, cada decomiso en Europa golpea la imagen de un "
            "sector del que viven miles de familias. Los exportadores piden más "
            "escáneres y controles en los puertos de salida para no cargar con la "
            "culpa de las bandas.</p>",
        ),
        (
            "video",
            {
                "url": "https://nos.nl/",
                "title": "Reportajes en video sobre la cocaína en los puertos neerlandeses",
                "description": "En la televisión pública neerlandesa NOS, en neerlandés.",
            },
        ),
    ],
    "sources": [
        ("NOS", "https://nos.nl/"),
        ("NL Times", "https://nltimes.nl/"),
        ("El Universo", "https://www.eluniverso.com/"),
        ("Reuters", "https://www.reuters.com/"),
    ],
    "comments": [
        comment(
            "1",
            "2023-08-11T09:12:00",
            "Ocho toneladas y seguro el dueño del contenedor ni enterado.",
            replies=[
                comment(
                    "1.1",
                    "2023-08-11T09:40:00",
                    "9:12 eso dicen siempre. A veces es verdad y a veces no.",
                ),
            ],
        ),
        comment(
            "2",
            "2023-08-11T09:55:00",
            "The Dutch ports are out of control, they even had shootings over lost loads.",
            name="Gringo Viejo",
            replies=[
                comment(
                    "2.1",
                    "2023-08-11T10:20:00",
                    "9:55 not out of control, they seize more because they check more.",
                ),
                comment(
                    "2.2",
                    "2023-08-11T10:48:00",
                    "@10:20 los dos tienen razón, revisan más y aun así entra muchísima.",
                ),
            ],
        ),
        comment(
            "3",
            "2023-08-11T12:30:00",
            "Soy de Machala, aquí todos saben qué galpones trabajan con la mafia y "
            "nadie dice nada.",
            replies=[
                comment(
                    "3.1",
                    "2023-08-11T12:51:00",
                    "12:30 y el que dice algo aparece en una zanja. Por eso nadie habla.",
                ),
            ],
        ),
        comment(
            "4",
            "2023-08-11T14:05:00",
            "Rotterdam catches more every year and they keep coming. Now the "
            "smugglers are moving to smaller ports like Vlissingen.",
        ),
        comment(
            "5",
            "2023-08-11T16:44:00",
            "Yo sé quién es el que maneja ese galpón en Machala, vive en la ciudadela "
            "junto al colegio, su carro es blanco...",
            status=PENDING,
        ),
    ],
}

VILLAVICENCIO = {
    "slug": "ecuador-fernando-villavicencio-assassinated-quito",
    "title": "Ecuadorian presidential candidate Fernando Villavicencio shot dead in Quito",
    "language": "en",
    "summary": "The anti-corruption candidate was killed as he left a campaign rally, eleven "
    "days before the election. He had said Los Choneros and its jailed leader, "
    "'Fito', had threatened him.",
    "published": "2023-08-14T08:40:00",
    "authors": ["Ceniza", "Marea"],
    "tags": ["Ecuador", "Los Choneros", "Fito", "Elections"],
    "lead_image": "campaign-stage",
    "body": [
        (
            "paragraph",
            "<p>Fernando Villavicencio, a candidate in Ecuador's presidential "
            "election, was shot dead on the evening of 9 August 2023 as he left a "
            "campaign rally at a school in Quito, the capital. The "
            "attack came eleven days before the first round of a snap election, "
            "set for 20 August.</p>",
        ),
        (
            "paragraph",
            "<p>Villavicencio was a former journalist who had made his name "
            "investigating corruption, and a former member of the National "
            "Assembly. He ran on a promise to confront organized crime and the "
            "officials he accused of protecting it.</p>",
        ),
        (
            "paragraph",
            "<p>Several other people were wounded. One suspect died after an "
            "exchange of fire with security forces, and within hours police "
            "arrested six other men, all Colombian nationals, in raids in "
            "Quito.</p>",
        ),
        (
            "paragraph",
            "<p>President Guillermo Lasso blamed organized crime, declared a "
            "60-day state of emergency across the country and asked the FBI for "
            "help with the investigation, which the US agency agreed to give.</p>",
        ),
        ("heading", "Threats from Los Choneros"),
        (
            "paragraph",
            "<p>In the days before his death, Villavicencio said that he and his "
            "campaign had been threatened by Los Choneros and by its leader, José "
            "Adolfo Macías Villamar, known as 'Fito', who was in prison. He said "
            "he would not back down.</p>",
        ),
        (
            "paragraph",
            "<p>Los Choneros take their name from Chone, a town in the coastal "
            "province of Manabí. Once a local band of hired guns, the gang grew "
            "into one of Ecuador's most powerful criminal groups, with a strong "
            "hold inside the prisons, and Ecuadorian and US officials have linked "
            "it to Mexico's Sinaloa Cartel.</p>",
        ),
        (
            "paragraph",
            "<p>Fito has been serving a 34-year sentence since 2011 for crimes "
            "including organized crime, drug trafficking and murder. He took "
            "control of Los Choneros after its leader, Jorge Luis Zambrano, alias "
            "'Rasquiña', was shot dead in Manta in December 2020.</p>",
        ),
        (
            "image",
            {
                "image": "guayaquil-prison",
                "caption": "Guayaquil's prison complex holds the country's most "
                "dangerous inmates; Fito was moved within it to La Roca.",
            },
        ),
        (
            "paragraph",
            "<p>On 12 August, about 4,000 soldiers and police moved Fito from the "
            "Regional prison in Guayaquil to La Roca, a smaller maximum-security "
            "prison in the same complex.</p>",
        ),
        (
            "paragraph",
            "<p>No one had been charged with ordering the killing when this "
            "article was published. The investigation is in the hands of "
            "Ecuador's attorney general's office.</p>",
        ),
        (
            "video",
            {
                "url": "https://www.primicias.ec/",
                "title": "Video coverage of the attack and its aftermath",
                "description": "On the Ecuadorian news site Primicias, in Spanish.",
            },
        ),
    ],
    "sources": [
        ("Primicias", "https://www.primicias.ec/"),
        ("El Comercio", "https://www.elcomercio.com/"),
        ("AP", "https://apnews.com/"),
        ("BBC News", "https://www.bbc.com/news"),
    ],
    "comments": [
        comment(
            "1",
            "2023-08-14T08:58:00",
            "Killed in broad daylight in the capital. Ecuador is becoming Mexico.",
            replies=[
                comment(
                    "1.1",
                    "2023-08-14T09:20:00",
                    "8:58 it was already night, and yes, it is worse than Mexico "
                    "in some cities now.",
                ),
                comment(
                    "1.2",
                    "2023-08-14T09:35:00",
                    "Mexico has had candidates killed every election for years. "
                    "Nobody noticed until it happened in Quito.",
                    replies=[
                        comment(
                            "1.2.1",
                            "2023-08-14T10:05:00",
                            "9:35 - así es, en México matan candidatos a "
                            "alcalde cada elección y ni sale en las noticias.",
                        ),
                        comment(
                            "1.2.2",
                            "2023-08-14T10:40:00",
                            "@10:05 a alcalde sí, pero a presidente no desde Colosio.",
                            name="Culichi en Phoenix",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "2",
            "2023-08-14T09:02:00",
            "Que en paz descanse. Era de los pocos que denunciaba con nombres y apellidos.",
            name="Quiteña",
            replies=[
                comment(
                    "2.1",
                    "2023-08-14T09:47:00",
                    "9:02 y por eso lo mataron. Aquí el que habla se muere.",
                ),
            ],
        ),
        comment(
            "3",
            "2023-08-14T10:12:00",
            "Six Colombians arrested the same night. Hired guns. The ones who paid "
            "will never be touched.",
            replies=[
                comment(
                    "3.1",
                    "2023-08-14T10:30:00",
                    "10:12 that is how it always goes. Sicarios get caught, bosses get elected.",
                ),
            ],
        ),
        comment(
            "4",
            "2023-08-14T11:25:00",
            "4,000 soldiers to move one inmate from one prison to the one next door. "
            "Tells you who really runs the place.",
        ),
        comment(
            "5",
            "2023-08-14T12:40:00",
            "Los Choneros trabajan con Sinaloa y Los Lobos con el CJNG, es la guerra "
            "de México peleada en Ecuador.",
            replies=[
                comment(
                    "5.1",
                    "2023-08-14T13:15:00",
                    "12:40 muy simplificado pero más o menos. Los mexicanos ponen "
                    "el dinero, los muertos los pone Ecuador.",
                ),
                comment(
                    "5.2",
                    "2023-08-14T13:38:00",
                    "1:15 - and Albanians in the ports of Europe, don't forget them.",
                ),
            ],
        ),
        comment(
            "6",
            "2023-08-14T15:05:00",
            "Will the election even happen now?",
            replies=[
                comment(
                    "6.1",
                    "2023-08-14T15:22:00",
                    "3:05 yes, the government says 20 August stays.",
                    name="Ceniza",
                    staff=True,
                ),
            ],
        ),
        comment(
            "7",
            "2023-08-14T19:30:00",
            "Ojalá le hagan a Fito lo mismo que él le hizo a otros, que se pudra ese perro",
            status=PENDING,
        ),
    ],
}

FITO_ESCAPE = {
    "slug": "ecuador-fuga-fito-conflicto-armado-interno",
    "title": "Ecuador declara un 'conflicto armado interno' tras la fuga de 'Fito'",
    "language": "es",
    "summary": "El líder de Los Choneros desapareció de la cárcel La Regional de Guayaquil. "
    "Dos días después, con cárceles amotinadas y un canal de televisión tomado "
    "en vivo, Daniel Noboa declaró la guerra a 22 grupos criminales.",
    "published": "2024-01-10T07:30:00",
    "authors": ["Ceniza"],
    "tags": ["Ecuador", "Los Choneros", "Fito", "Cárceles", "Los Lobos"],
    "lead_image": "maximum-security",
    "body": [
        (
            "paragraph",
            "<p>José Adolfo Macías Villamar, alias 'Fito', líder de Los Choneros, "
            "no estaba en su celda cuando policías y militares entraron el domingo "
            "7 de enero de 2024 a la cárcel La Regional, en Guayaquil, para un "
            "operativo. Las autoridades no supieron decir cuándo había salido. "
            "Cumplía una condena de 34 años.</p>",
        ),
        (
            "paragraph",
            "<p>Al día siguiente, el presidente Daniel Noboa decretó un estado de "
            "excepción de 60 días en todo el país, con toque de queda nocturno. En "
            "varias cárceles estallaron motines y los presos tomaron como rehenes "
            "a más de un centenar de guías penitenciarios y empleados.</p>",
        ),
        (
            "paragraph",
            "<p>El martes 9 de enero, hombres armados y encapuchados irrumpieron "
            "en el estudio de TC Televisión, en Guayaquil, durante un noticiero en "
            "vivo, y amenazaron al personal frente a las cámaras. La policía "
            "retomó el canal y detuvo a los asaltantes. Ese día hubo explosiones, "
            "saqueos y ataques en varias ciudades, y se supo que Fabricio Colón "
            "Pico, uno de los cabecillas de Los Lobos, se había fugado de la "
            "cárcel de Riobamba.</p>",
        ),
        (
            "image",
            {
                "image": "guayaquil-night",
                "caption": "Guayaquil de noche: el estado de excepción impuso toque de "
                "queda en todo el país.",
            },
        ),
        ("heading", "El Decreto 111"),
        (
            "paragraph",
            "<p>Horas después, Noboa firmó el Decreto Ejecutivo 111, que reconoce "
            'un "conflicto armado interno" y declara a 22 grupos del crimen '
            "organizado, entre ellos Los Choneros y Los Lobos, organizaciones "
            "terroristas y actores no estatales beligerantes. El decreto ordena a "
            "las Fuerzas Armadas neutralizarlos.</p>",
        ),
        (
            "quote",
            {
                "quote": "He ordenado a las Fuerzas Armadas ejecutar operaciones "
                "militares para neutralizar a estos grupos.",
                "attribution": "Daniel Noboa, en X, al publicar el decreto",
            },
        ),
        (
            "paragraph",
            "<p>Noboa, de 36 años, asumió la presidencia en noviembre de 2023 tras "
            "ganar la segunda vuelta a Luisa González, y había prometido mano dura "
            "contra las bandas y nuevas cárceles de máxima seguridad.</p>",
        ),
        ("heading", "Las cárceles, centro de mando"),
        (
            "paragraph",
            "<p>Las cárceles ecuatorianas llevan años bajo el control parcial de "
            "las bandas. Desde 2021, las masacres entre grupos rivales dentro de "
            "los penales han dejado cientos de presos muertos; la peor, en la "
            "Penitenciaría del Litoral de Guayaquil en septiembre de 2021, dejó "
            "más de 100 muertos.</p>",
        ),
        (
            "paragraph",
            "<p>En agosto de 2023, días después del asesinato del candidato "
            "presidencial Fernando Villavicencio, unos 4.000 militares y policías "
            "habían trasladado a Fito a La Roca, una cárcel de máxima seguridad. "
            "En enero estaba de nuevo en La Regional, de donde desapareció. Al "
            "cierre de esta nota, su paradero era desconocido.</p>",
        ),
        (
            "video",
            {
                "url": "https://www.eluniverso.com/",
                "title": "Videos de la toma de TC Televisión y de los operativos",
                "description": "En el diario guayaquileño El Universo.",
            },
        ),
    ],
    "sources": [
        ("El Universo", "https://www.eluniverso.com/"),
        ("Primicias", "https://www.primicias.ec/"),
        ("BBC News Mundo", "https://www.bbc.com/mundo"),
        ("AP", "https://apnews.com/"),
    ],
    "comments": [
        comment(
            "1",
            "2024-01-10T07:52:00",
            'Se les escapó otra vez. Bueno, "se les escapó".',
            replies=[
                comment(
                    "1.1", "2024-01-10T08:15:00", "7:52 jajaja con las comillas lo dijiste todo."
                ),
                comment(
                    "1.2",
                    "2024-01-10T08:33:00",
                    "Nadie sale de La Regional sin que los guías lo sepan.",
                    replies=[
                        comment(
                            "1.2.1",
                            "2024-01-10T09:01:00",
                            "8:33 ni sin que alguien en Quito lo sepa.",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "2",
            "2024-01-10T08:05:00",
            "I watched the TC Televisión thing live. Kids with guns screaming at the "
            "anchors. Surreal.",
            name="Gringo Viejo",
            replies=[
                comment(
                    "2.1",
                    "2024-01-10T08:40:00",
                    "8:05 muchos eran chamacos, sí. Las bandas reclutan menores "
                    "porque les sale barato.",
                ),
            ],
        ),
        comment(
            "3",
            "2024-01-10T09:10:00",
            "Conflicto armado interno = los militares en la calle con permiso para "
            "todo. Ojo con los abusos.",
            replies=[
                comment(
                    "3.1",
                    "2024-01-10T09:44:00",
                    "9:10 prefiero militares en la calle que sicarios en la calle.",
                ),
                comment(
                    "3.2",
                    "2024-01-10T10:02:00",
                    "@9:44 eso decían en México en 2006. Mira cómo terminó.",
                    name="Culichi en Phoenix",
                    replies=[
                        comment(
                            "3.2.1",
                            "2024-01-10T10:26:00",
                            "10:02 Ecuador no es México, aquí la gente apoya al presidente.",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "4",
            "2024-01-10T11:30:00",
            "22 groups declared terrorists. Does that mean the US can get involved now?",
            replies=[
                comment(
                    "4.1",
                    "2024-01-10T12:05:00",
                    "11:30 no, it is an Ecuadorian decree. It lets Ecuador's own army act.",
                    name="Ceniza",
                    staff=True,
                ),
            ],
        ),
        comment(
            "5",
            "2024-01-10T13:18:00",
            "Mi hermana trabaja en Guayaquil y ayer la mandaron a casa a las 2 de la "
            "tarde, todo cerrado, la gente corriendo.",
            name="Mantense",
        ),
        comment(
            "6",
            "2024-01-10T15:47:00",
            "Y Colón Pico también se fue de Riobamba, el mismo día. Coincidencia, claro.",
        ),
        comment(
            "7",
            "2024-01-10T20:12:00",
            "Hay que matarlos a todos, a ellos y a sus familias, solo así se acaba",
            status=PENDING,
        ),
    ],
}

OVIDIO = {
    "slug": "ovidio-guzman-extradited-united-states",
    "title": "Mexico extradites Ovidio Guzmán, a son of 'El Chapo', to the United States",
    "language": "en",
    "summary": "The Los Chapitos figure, arrested near Culiacán in January in an operation "
    "that left 29 dead, will face drug trafficking charges in Chicago.",
    "published": "2023-09-16T10:05:00",
    "authors": ["Tecolote"],
    "tags": ["Mexico", "Sinaloa Cartel", "Los Chapitos", "Extradition", "Fentanyl"],
    "lead_image": "federal-courthouse",
    "body": [
        (
            "paragraph",
            "<p>Mexico extradited Ovidio Guzmán López to the United States on 15 "
            "September 2023. Guzmán, one of the sons of the jailed Sinaloa "
            "Cartel leader Joaquín 'El Chapo' Guzmán, faces charges in federal "
            "court in Chicago, where prosecutors accuse him of trafficking drugs "
            "including fentanyl.</p>",
        ),
        (
            "paragraph",
            "<p>His arrest, on 5 January 2023 in Jesús María, a town near "
            "Culiacán, set off a day of gun battles and road blockades; gunfire "
            "even hit an airliner at Culiacán's airport. Mexican authorities said "
            "29 people died: ten soldiers and 19 suspected gunmen.</p>",
        ),
        ("heading", "The second Culiacanazo"),
        (
            "paragraph",
            "<p>It was the second time soldiers had caught him. In October 2019 "
            "troops briefly detained Guzmán in Culiacán, but cartel gunmen "
            "besieged the city and the government ordered his release. President "
            "Andrés Manuel López Obrador later said he had taken the decision to "
            "spare lives.</p>",
        ),
        (
            "quote",
            {
                "quote": "Abrazos, no balazos.",
                "attribution": "Andrés Manuel López Obrador's motto for his security policy",
            },
        ),
        (
            "paragraph",
            "<p>The January arrest came days before US President Joe Biden "
            "travelled to Mexico City for a summit of North American leaders.</p>",
        ),
        ("heading", "Los Chapitos"),
        (
            "paragraph",
            "<p>Ovidio is one of four of El Chapo's sons known together as Los "
            "Chapitos: Iván Archivaldo Guzmán Salazar, Jesús Alfredo Guzmán "
            "Salazar, Ovidio Guzmán López and Joaquín Guzmán López. US prosecutors "
            "accuse them of running the faction of the Sinaloa Cartel that floods "
            "the United States with fentanyl.</p>",
        ),
        (
            "image",
            {
                "image": "border-fence",
                "caption": "The US-Mexico border: prosecutors say Los Chapitos' fentanyl "
                "reaches buyers across the United States.",
            },
        ),
        (
            "paragraph",
            "<p>In April 2023 the US Justice Department unsealed indictments in "
            "New York, Chicago and Washington against the brothers and more than "
            "two dozen associates, describing a supply chain that ran from "
            "chemical suppliers in China to laboratories in Sinaloa.</p>",
        ),
        (
            "paragraph",
            "<p>The State Department offers rewards of up to $10 million each for "
            "information leading to the arrest of Iván Archivaldo and Jesús "
            "Alfredo Guzmán. Their father is serving a life sentence in the "
            "federal supermax prison in Florence, Colorado, after his conviction "
            "in New York in 2019.</p>",
        ),
        (
            "video",
            {
                "url": "https://www.reuters.com/world/americas/",
                "title": "Video reports from Culiacán",
                "description": "On Reuters' Americas pages.",
            },
        ),
    ],
    "sources": [
        ("Reuters", "https://www.reuters.com/"),
        ("AP", "https://apnews.com/"),
        ("US Department of Justice", "https://www.justice.gov/"),
        ("Milenio", "https://www.milenio.com/"),
    ],
    "comments": [
        comment(
            "1",
            "2023-09-16T10:30:00",
            "He will sing like a canary. They all do once they see the cell.",
            replies=[
                comment(
                    "1.1",
                    "2023-09-16T10:52:00",
                    "10:30 and then he gets 15 years instead of life, like the Zambada son did.",
                ),
                comment(
                    "1.2",
                    "2023-09-16T11:14:00",
                    "Si canta, Culiacán se va a poner feo.",
                    replies=[
                        comment(
                            "1.2.1",
                            "2023-09-16T11:40:00",
                            "11:14 más feo? ya viviste el jueves negro y el "
                            "culiacanazo 2. Eso no se olvida.",
                            name="Culichi en Phoenix",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "2",
            "2023-09-16T11:02:00",
            "Abrazos no balazos my ass, 10 soldiers dead to catch one guy.",
            replies=[
                comment(
                    "2.1",
                    "2023-09-16T11:33:00",
                    "11:02 the soldiers did their job. The policy is the problem, not them.",
                ),
            ],
        ),
        comment(
            "3",
            "2023-09-16T12:20:00",
            "The real boss is still El Mayo. Nobody touches him.",
            name="Sinaloense",
            replies=[
                comment(
                    "3.1",
                    "2023-09-16T12:41:00",
                    "12:20 el Mayo ni celular usa, por eso lleva 50 años libre.",
                ),
            ],
        ),
        comment(
            "4",
            "2023-09-16T14:55:00",
            "Chicago court again. Same court that prosecuted the Flores twins.",
            replies=[
                comment(
                    "4.1",
                    "2023-09-16T15:18:00",
                    "2:55 yes, Northern District of Illinois has a long history "
                    "with Sinaloa cases.",
                ),
            ],
        ),
        comment(
            "5",
            "2023-09-16T18:30:00",
            "Que chingue a su madre el gobierno de AMLO y todos los vendidos de Sinaloa",
            status=PENDING,
        ),
    ],
}

MAYO = {
    "slug": "mayo-zambada-joaquin-guzman-detenidos-el-paso",
    "title": "'El Mayo' Zambada y Joaquín Guzmán López, detenidos en El Paso, Texas",
    "language": "es",
    "summary": "El cofundador del Cártel de Sinaloa, que en décadas de carrera nunca había "
    "pisado una cárcel, aterrizó en una avioneta junto a un hijo de 'El Chapo'. "
    "Su abogado asegura que lo secuestraron.",
    "published": "2024-07-31T09:20:00",
    "authors": ["Tecolote", "Marea"],
    "tags": ["México", "Cártel de Sinaloa", "El Mayo", "Los Chapitos", "Estados Unidos"],
    "lead_image": "desert-airstrip",
    "body": [
        (
            "paragraph",
            "<p>Agentes federales de Estados Unidos detuvieron el 25 de julio de "
            "2024 a Ismael 'El Mayo' Zambada García, de 76 años, cofundador del "
            "Cártel de Sinaloa, y a Joaquín Guzmán López, uno de los hijos de "
            "Joaquín 'El Chapo' Guzmán, poco después de que aterrizaran en una "
            "avioneta en un aeródromo cerca de El Paso, Texas.</p>",
        ),
        (
            "paragraph",
            "<p>Zambada había eludido a las autoridades durante décadas sin pasar "
            "un solo día en prisión. Estados Unidos ofrecía una recompensa de hasta "
            "15 millones de dólares por información que llevara a su "
            "captura.</p>",
        ),
        ("paragraph", "<p>El gobierno de México dijo que no participó en la operación.</p>"),
        ("heading", "¿Entrega o secuestro?"),
        (
            "paragraph",
            "<p>Las primeras versiones hablaban de una entrega pactada. Dos días "
            "después de la detención, el abogado de Zambada, Frank Pérez, aseguró "
            "que su cliente no se entregó ni negoció nada: según su versión, "
            "Joaquín Guzmán López lo emboscó en México con un grupo de hombres, lo "
            "ató y lo subió por la fuerza a la avioneta.</p>",
        ),
        (
            "paragraph",
            "<p>Ambos se declararon no culpables ante jueces federales: Zambada en "
            "El Paso y Guzmán López, de 38 años, en Chicago, la misma corte donde "
            "su hermano Ovidio, extraditado en septiembre de 2023, enfrenta su "
            "proceso.</p>",
        ),
        (
            "image",
            {
                "image": "chihuahuan-border",
                "caption": "La frontera cerca de El Paso, donde aterrizó la avioneta.",
            },
        ),
        ("heading", "Un cártel partido en dos"),
        (
            "paragraph",
            "<p>Zambada y El Chapo levantaron juntos el Cártel de Sinaloa. Tras "
            "la extradición de El Chapo a Estados Unidos en 2017, el Mayo quedó "
            "como la figura de más peso de la vieja guardia, mientras Los "
            "Chapitos ganaban terreno con el negocio del fentanilo.</p>",
        ),
        (
            "paragraph",
            "<p>En Culiacán crece el temor a una guerra entre la facción de Los "
            "Chapitos y la de los leales a Zambada, conocida como La Mayiza.</p>",
        ),
        (
            "video",
            {
                "url": "https://www.milenio.com/",
                "title": "Videos sobre la detención en El Paso",
                "description": "En el sitio de Milenio.",
            },
        ),
    ],
    "sources": [
        ("Milenio", "https://www.milenio.com/"),
        ("El Universal", "https://www.eluniversal.com.mx/"),
        ("Ríodoce", "https://riodoce.mx/"),
        ("US Department of Justice", "https://www.justice.gov/"),
    ],
    "comments": [
        comment(
            "1",
            "2024-07-31T09:41:00",
            "Lo entregaron. Eso de secuestro es para que no maten a su familia.",
            replies=[
                comment(
                    "1.1",
                    "2024-07-31T10:03:00",
                    "9:41 o lo secuestraron de verdad, y ahora sí viene la guerra.",
                ),
                comment(
                    "1.2",
                    "2024-07-31T10:25:00",
                    "El Mayo never trusted anybody for 50 years and then gets on a "
                    "plane with Chapo's kid? Makes no sense.",
                    name="Gringo Viejo",
                    replies=[
                        comment(
                            "1.2.1",
                            "2024-07-31T10:47:00",
                            "10:25 por eso mismo tiene sentido lo del secuestro.",
                            name="Sinaloense",
                        ),
                        comment(
                            "1.2.2",
                            "2024-07-31T11:09:00",
                            "@10:47 o los dos negociaron por separado y los dos "
                            "pensaban que engañaban al otro.",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "2",
            "2024-07-31T10:10:00",
            "76 años y nunca pisó una cárcel. Eso dice más de México que de él.",
            replies=[
                comment(
                    "2.1", "2024-07-31T10:36:00", "10:10 tal cual. El sistema lo cuidó medio siglo."
                ),
            ],
        ),
        comment(
            "3",
            "2024-07-31T12:15:00",
            "Culiacán is going to burn. Anyone with family there, get them out.",
            name="Culichi en Phoenix",
            replies=[
                comment(
                    "3.1", "2024-07-31T12:44:00", "12:15 ya se siente, la gente no sale de noche."
                ),
            ],
        ),
        comment(
            "4",
            "2024-07-31T13:30:00",
            "15 millones de dólares de recompensa y al final llegó solito en avioneta.",
        ),
        comment("5", "2024-07-31T16:05:00", "Who gets the $15 million then? Joaquín? lol"),
        comment(
            "6",
            "2024-07-31T17:48:00",
            "Visit my page for the real story, all the videos uncensored, link in my profile",
            status=PENDING,
        ),
    ],
}

FITO_MANTA = {
    "slug": "fito-recaptured-manta-bunker",
    "title": "'Fito' recaptured in Manta, 17 months after his escape",
    "language": "en",
    "summary": "Ecuadorian soldiers and police found the Los Choneros leader hiding in an "
    "underground bunker beneath a house in the port city of Manta.",
    "published": "2025-06-26T08:50:00",
    "authors": ["Ceniza"],
    "tags": ["Ecuador", "Los Choneros", "Fito", "Extradition"],
    "lead_image": "manta-bay",
    "body": [
        (
            "paragraph",
            "<p>Ecuadorian security forces captured José Adolfo Macías Villamar, "
            "'Fito', the leader of Los Choneros, on 25 June 2025 in Manta, a port "
            "city in the coastal province of Manabí. He was hiding in an "
            "underground bunker beneath a house, 17 months after he vanished from "
            "La Regional prison in Guayaquil.</p>",
        ),
        (
            "paragraph",
            "<p>President Daniel Noboa announced the capture and said Ecuador had "
            "begun the process to extradite Fito to the United States, where "
            "federal prosecutors in Brooklyn have charged him with cocaine "
            "trafficking and with smuggling firearms from the United States to "
            "Ecuador.</p>",
        ),
        ("heading", "A fugitive on home ground"),
        (
            "paragraph",
            "<p>Manabí is the cradle of Los Choneros, named after the town of "
            "Chone, and Manta is one of its strongholds. The gang's former leader, "
            "Jorge Luis Zambrano, alias 'Rasquiña', was shot dead in the city in "
            "December 2020, which opened the way for Fito to take over.</p>",
        ),
        (
            "image",
            {
                "image": "manabi-coast",
                "caption": "Manta, on Ecuador's Pacific coast, where Fito was found in a "
                "bunker under a house.",
            },
        ),
        (
            "paragraph",
            "<p>His escape, discovered on 7 January 2024, was followed by prison "
            "riots, attacks across the country and the armed takeover of a "
            "television studio in Guayaquil during a live broadcast. Noboa "
            'answered with a decree declaring an "internal armed conflict" '
            "against 22 criminal groups, and has since deployed the military on "
            "the streets and in the prisons.</p>",
        ),
        ("heading", "Extradition is now possible"),
        (
            "paragraph",
            "<p>Until 2024, Ecuador's constitution barred the extradition of its "
            "own citizens. In a referendum in April 2024, voters approved a change "
            "proposed by Noboa to allow it, which opens the way for Fito to stand "
            "trial in New York.</p>",
        ),
        (
            "paragraph",
            "<p>His capture is a blow to Los Choneros, but Ecuador's gangs have "
            "split before when their leaders were killed or jailed, and violence "
            "has often risen rather than fallen afterwards as rivals fought over "
            "what was left.</p>",
        ),
        (
            "video",
            {
                "url": "https://www.primicias.ec/",
                "title": "Video coverage of the capture in Manta",
                "description": "On the Ecuadorian news site Primicias, in Spanish.",
            },
        ),
    ],
    "sources": [
        ("Primicias", "https://www.primicias.ec/"),
        ("Reuters", "https://www.reuters.com/"),
        ("AP", "https://apnews.com/"),
        ("El Universo", "https://www.eluniverso.com/"),
    ],
    "comments": [
        comment(
            "1",
            "2025-06-26T09:05:00",
            "In a bunker in his own hometown. 17 months. Everyone knew.",
            replies=[
                comment(
                    "1.1",
                    "2025-06-26T09:28:00",
                    "9:05 el grupo nació en Chone, pero Manta es su plaza fuerte. "
                    "Igual, todos sabían.",
                    name="Mantense",
                ),
            ],
        ),
        comment(
            "2",
            "2025-06-26T09:40:00",
            "Send him to the US fast before he escapes again.",
            replies=[
                comment(
                    "2.1",
                    "2025-06-26T10:02:00",
                    "9:40 jajaja literal, que no lo lleven a La Regional.",
                ),
                comment(
                    "2.2",
                    "2025-06-26T10:17:00",
                    "In Brooklyn there are no bunkers. Ask El Chapo.",
                    name="Gringo Viejo",
                    replies=[
                        comment(
                            "2.2.1",
                            "2025-06-26T10:39:00",
                            "10:17 El Chapo is in Colorado, not Brooklyn. He "
                            "was tried in Brooklyn though.",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "3",
            "2025-06-26T11:20:00",
            "Noboa needed this before... well, he needed it. Good for him.",
            replies=[
                comment(
                    "3.1",
                    "2025-06-26T11:46:00",
                    "11:20 bien por Ecuador, no por Noboa. Los que trabajaron "
                    "fueron los militares y los policías.",
                ),
            ],
        ),
        comment(
            "4",
            "2025-06-26T13:02:00",
            "Ahora los Choneros se van a dividir y habrá más muertos en Manabí.",
            replies=[
                comment(
                    "4.1",
                    "2025-06-26T13:31:00",
                    "1:02 - ya pasó cuando mataron a Rasquiña. Ojalá esta vez no.",
                ),
            ],
        ),
        comment(
            "5", "2025-06-26T15:15:00", "Good reporting Ceniza, as always.", name="Lector de Quito"
        ),
    ],
}

FITO_BROOKLYN = {
    "slug": "fito-extraditado-estados-unidos-brooklyn",
    "title": "'Fito' es extraditado a Estados Unidos y se declara no culpable en Nueva York",
    "language": "es",
    "summary": "El líder de Los Choneros compareció ante una corte federal de Brooklyn, "
    "acusado de traficar cocaína y de contrabandear armas desde Estados Unidos "
    "hacia Ecuador.",
    "published": "2025-07-22T09:00:00",
    "authors": ["Ceniza", "Tecolote"],
    "tags": ["Ecuador", "Los Choneros", "Fito", "Extradición", "Estados Unidos"],
    "lead_image": "brooklyn-courthouse",
    "body": [
        (
            "paragraph",
            "<p>José Adolfo Macías Villamar, alias 'Fito', fue extraditado a "
            "Estados Unidos el 20 de julio de 2025, menos de un mes después de su "
            "recaptura en Manta. Al día siguiente compareció ante una corte "
            "federal en Brooklyn, Nueva York, y se declaró no culpable de los siete "
            "cargos en su contra.</p>",
        ),
        (
            "paragraph",
            "<p>La fiscalía federal lo acusa de conspirar para distribuir cocaína "
            "con destino a Estados Unidos y de contrabandear armas de fuego "
            "compradas en Estados Unidos hacia Ecuador. Los cargos de narcotráfico "
            "que enfrenta contemplan penas de hasta cadena perpetua.</p>",
        ),
        (
            "paragraph",
            "<p>Días antes, en una audiencia ante la Corte Nacional de Justicia, "
            "el propio Fito había aceptado ser extraditado, lo que acortó el "
            "trámite en Ecuador.</p>",
        ),
        ("heading", "Una extradición que antes era imposible"),
        (
            "paragraph",
            "<p>Hasta 2024, la Constitución de Ecuador prohibía extraditar a sus "
            "ciudadanos. En abril de ese año, los votantes aprobaron en una "
            "consulta popular la reforma propuesta por el presidente Daniel Noboa "
            "para permitirlo. Medios ecuatorianos lo describen como el primer "
            "ecuatoriano extraditado a Estados Unidos.</p>",
        ),
        (
            "image",
            {
                "image": "runway-dusk",
                "caption": "Una pista al atardecer. Las extradiciones a Estados Unidos "
                "se hacen en vuelos bajo custodia de agentes federales.",
            },
        ),
        ("heading", "De La Regional a Brooklyn"),
        (
            "paragraph",
            "<p>Fito cumplía desde 2011 una condena de 34 años en Ecuador. Su fuga "
            "de la cárcel La Regional de Guayaquil, descubierta el 7 de enero de "
            "2024, desató una ola de motines y atentados, y llevó a Noboa a "
            'declarar un "conflicto armado interno" contra 22 grupos criminales '
            "por medio del Decreto Ejecutivo 111.</p>",
        ),
        (
            "paragraph",
            "<p>Fue recapturado el 25 de junio de 2025 en un búnker bajo una casa "
            "en Manta, en la provincia de Manabí, la tierra de Los Choneros.</p>",
        ),
        (
            "video",
            {
                "url": "https://www.ecuavisa.com/",
                "title": "Videos sobre la extradición de Fito",
                "description": "En el sitio del canal ecuatoriano Ecuavisa.",
            },
        ),
    ],
    "sources": [
        ("Primicias", "https://www.primicias.ec/"),
        ("Ecuavisa", "https://www.ecuavisa.com/"),
        ("El Comercio", "https://www.elcomercio.com/"),
        ("US Attorney's Office, Eastern District of New York", "https://www.justice.gov/usao-edny"),
    ],
    "comments": [
        comment(
            "1",
            "2025-07-22T09:18:00",
            "No culpable dice jajaja. Va a negociar como todos.",
            replies=[
                comment(
                    "1.1",
                    "2025-07-22T09:42:00",
                    "9:18 siempre empiezan diciendo no culpable, es el trámite. Después cambian.",
                ),
            ],
        ),
        comment(
            "2",
            "2025-07-22T10:05:00",
            "Finally someone Ecuador cannot lose. No more escapes.",
            name="Lector de Quito",
            replies=[
                comment(
                    "2.1",
                    "2025-07-22T10:30:00",
                    "10:05 escapes no, pero puede dar nombres de políticos y jueces. "
                    "Eso es lo que asusta allá.",
                    replies=[
                        comment(
                            "2.1.1",
                            "2025-07-22T10:58:00",
                            "@10:30 ojalá. Que salgan todos los nombres.",
                            name="Quiteña",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "3",
            "2025-07-22T11:45:00",
            "Las armas venían de Estados Unidos y ahora lo juzgan allá por eso. La ironía.",
            replies=[
                comment(
                    "3.1",
                    "2025-07-22T12:10:00",
                    "11:45 no hay ironía, es un delito en Estados Unidos comprar "
                    "armas para mandarlas afuera.",
                ),
            ],
        ),
        comment(
            "4",
            "2025-07-22T14:20:00",
            "Brooklyn: El Chapo, García Luna, now Fito. Same courthouse.",
            name="Gringo Viejo",
        ),
    ],
}

MENCHO = {
    "slug": "cjng-el-mencho-15-million-reward",
    "title": "'El Mencho' and the CJNG: a cartel leader with a $15 million US reward on his head",
    "language": "en",
    "summary": "Nemesio Oseguera Cervantes built the Jalisco New Generation Cartel into one "
    "of the most powerful criminal groups in the Americas. Washington now calls "
    "it a terrorist organization.",
    "published": "2025-03-10T10:30:00",
    "authors": ["Tecolote"],
    "tags": ["Mexico", "CJNG", "El Mencho", "Terrorist designation"],
    "lead_image": "jalisco-agave",
    "body": [
        (
            "paragraph",
            "<p>Nemesio Oseguera Cervantes, known as 'El Mencho', leads the Cártel "
            "de Jalisco Nueva Generación (CJNG), which US and Mexican authorities "
            "count among the most powerful criminal organizations in the Americas. "
            "The US State Department offers a reward of up to $15 million for "
            "information leading to his arrest or conviction.</p>",
        ),
        (
            "paragraph",
            "<p>In February 2025 the US government designated the CJNG, the "
            "Sinaloa Cartel and six other criminal groups from Latin America as "
            "foreign terrorist organizations. El Mencho himself faces drug "
            "trafficking charges in federal court in Washington.</p>",
        ),
        (
            "paragraph",
            "<p>The terrorist designation lets US prosecutors bring material "
            "support charges against anyone who does business with the cartel, "
            "and raises the risk for companies and banks that deal, knowingly or "
            "not, with its front businesses.</p>",
        ),
        ("heading", "From Jalisco to the world"),
        (
            "paragraph",
            "<p>The CJNG emerged around 2010 in Jalisco, in western Mexico, from "
            "the remains of the Milenio cartel, and grew fast. It moves cocaine, "
            "methamphetamine and fentanyl to the United States, and in Mexico it "
            "also lives off extortion and fuel theft.</p>",
        ),
        (
            "image",
            {
                "image": "jalisco-agave",
                "caption": "Agave fields in Jalisco, the CJNG's home state.",
            },
        ),
        (
            "paragraph",
            "<p>Its violence has reached the state itself. On 1 May 2015, during an "
            "operation to capture El Mencho in Jalisco, its gunmen shot down a "
            "military helicopter. In June 2020, gunmen attacked the car of Mexico "
            "City's police chief, Omar García Harfuch, in the capital; he "
            "survived, and the authorities blamed the CJNG. He is now Mexico's "
            "security secretary.</p>",
        ),
        ("heading", "The family business"),
        (
            "paragraph",
            "<p>His son Rubén Oseguera González, 'El Menchito', born in "
            "California, was the cartel's second-in-command, according to US "
            "prosecutors. Captured in Mexico in 2015 and extradited to the United "
            "States in February 2020, he was convicted by a federal jury in "
            "Washington in September 2024 and sentenced to life in prison on 7 "
            "March 2025.</p>",
        ),
        (
            "image",
            {"image": "guadalajara-night", "caption": "Guadalajara, Jalisco's capital, at night."},
        ),
        (
            "video",
            {
                "url": "https://www.eluniversal.com.mx/",
                "title": "Video explainers on the CJNG",
                "description": "On the Mexican newspaper El Universal, in Spanish.",
            },
        ),
    ],
    "sources": [
        ("US Department of State", "https://www.state.gov/"),
        ("DEA", "https://www.dea.gov/"),
        ("El Universal", "https://www.eluniversal.com.mx/"),
        ("Reuters", "https://www.reuters.com/"),
    ],
    "comments": [
        comment(
            "1",
            "2025-03-10T10:55:00",
            "$15 million and nobody in Jalisco is tempted? That tells you how scared people are.",
            replies=[
                comment(
                    "1.1",
                    "2025-03-10T11:20:00",
                    "10:55 de qué sirven 15 millones de dólares si no vives para gastarlos.",
                ),
                comment(
                    "1.2",
                    "2025-03-10T11:38:00",
                    "Nobody knows if he is even alive. Every year he is dead again.",
                    replies=[
                        comment(
                            "1.2.1",
                            "2025-03-10T12:02:00",
                            "11:38 lo han matado como diez veces en redes sociales jaja.",
                            name="Tapatío",
                        ),
                    ],
                ),
            ],
        ),
        comment(
            "2",
            "2025-03-10T11:05:00",
            "Terrorist designation = drones next. Watch.",
            replies=[
                comment(
                    "2.1",
                    "2025-03-10T11:50:00",
                    "11:05 Mexico will never allow it. Sheinbaum already said no foreign troops.",
                ),
                comment(
                    "2.2",
                    "2025-03-10T12:15:00",
                    "@11:50 the designation itself is about money and prosecutions: "
                    "it does not authorize military action.",
                    name="Tecolote",
                    staff=True,
                ),
            ],
        ),
        comment(
            "3",
            "2025-03-10T13:40:00",
            "El CJNG está en todos lados, hasta en Ecuador con Los Lobos.",
            replies=[
                comment(
                    "3.1",
                    "2025-03-10T14:02:00",
                    "1:40 - y en Colombia, en Perú, en Europa. Es una multinacional.",
                ),
            ],
        ),
        comment(
            "4",
            "2025-03-10T16:25:00",
            "Helicopter shot down in 2015 and he is still out there 10 years later.",
        ),
        comment(
            "5",
            "2025-03-10T19:10:00",
            "Se busca gente para trabajar, buen sueldo, pago semanal, manda mensaje",
            status=PENDING,
        ),
    ],
}

ARTICLES: list[dict[str, Any]] = [
    ROTTERDAM,
    VILLAVICENCIO,
    ALGECIRAS,
    OVIDIO,
    FITO_ESCAPE,
    MAYO,
    MENCHO,
    FITO_MANTA,
    FITO_BROOKLYN,
]
