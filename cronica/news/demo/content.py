"""Demo newsroom content, written for cronica in its own words.

Articles report real, public events (facts only, as reported by the outlets listed in
their sources); comments are invented readers' voices. Formats:

- IMAGES: key -> {title, alt, credit, motif} (motif: port, border, prison, city)
- CONTRIBUTORS: [{pen_name, bio, bio_es}]
- ARTICLES: [{slug, title, language, summary, published, authors, tags, lead_image,
  body: [(kind, value)], sources: [(outlet, url)], comments: [{id, name, body, at,
  replies: [...]}]}]; body kinds: paragraph (HTML), heading (text),
  quote ({quote, attribution}), image ({image: key, caption, credit}), video ({url,
  title, description}).
"""

IMAGES = {
    "port-containers": {
        "title": "Containers at a banana export terminal",
        "alt": "Stacked shipping containers on a quay under a crane, sea in front.",
        "credit": "Illustration: Crónica",
        "motif": "port",
    },
}

CONTRIBUTORS = [
    {"pen_name": "Marea", "bio": "Covers ports, shipping and the cocaine trade out of Ecuador.",
     "bio_es": "Cubre puertos, navieras y el tráfico de cocaína desde Ecuador."},
]

ARTICLES = [
    {
        "slug": "spain-record-cocaine-seizure-bananas-2023",
        "title": "Spain seizes 9.5 tons of cocaine hidden in a banana shipment from Ecuador",
        "language": "en",
        "summary": "The largest cocaine seizure in Spain's history was found in a refrigerated "
                   "container at the port of Algeciras.",
        "published": "2023-10-02T09:15:00",
        "authors": ["Marea"],
        "tags": ["Ecuador", "Spain", "Cocaine", "Ports"],
        "lead_image": "port-containers",
        "body": [
            ("paragraph", "<p>Spanish police found 9.5 tons of cocaine hidden among cardboard "
                          "boxes of bananas in a refrigerated container at the port of "
                          "Algeciras, the largest single cocaine seizure ever made in Spain. "
                          "The shipment had left the Ecuadorian port of Guayaquil.</p>"),
            ("heading", "Ecuador's ports under pressure"),
            ("paragraph", "<p>Ecuador, the world's largest banana exporter, has become a "
                          "main departure point for cocaine bound for Europe. Police said "
                          "the container belonged to a legitimate fruit importer whose "
                          "shipments had been used without its knowledge.</p>"),
        ],
        "sources": [("Reuters", "https://www.reuters.com/"), ("El País", "https://elpais.com/")],
        "comments": [
            {"id": "1", "name": "", "body": "Nine tons in one box and they say the war on "
             "drugs is working.", "at": "2023-10-02T09:35:00",
             "replies": [
                 {"id": "1.1", "name": "Porteño", "body": "9:35 that is what they caught. "
                  "Think about what went through.", "at": "2023-10-02T10:02:00"},
             ]},
        ],
    },
]
