"""The knowledge base: entities with aliases and relations, what articles mention, and
the events extracted from them.

Entities, aliases and relations are written by editors. Mentions, events and unknown
names are written by the linker and the extractor when an article is published; editors
then confirm or reject them, and a later re-link keeps those decisions.
"""

import datetime
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Entity(index.Indexed, ClusterableModel):
    """A criminal group, a person, a place or an institution."""

    class Kind(models.TextChoices):
        GROUP = "group", _("Criminal group")
        PERSON = "person", _("Person")
        PLACE = "place", _("Place")
        INSTITUTION = "institution", _("Institution")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        WEAKENED = "weakened", _("Weakened or split")
        DISMANTLED = "dismantled", _("Dismantled")
        FUGITIVE = "fugitive", _("Fugitive")
        DETAINED = "detained", _("Detained")
        EXTRADITED = "extradited", _("Extradited")
        DECEASED = "deceased", _("Deceased")
        UNKNOWN = "unknown", _("Unknown")

    class Level(models.TextChoices):
        COUNTRY = "country", _("Country")
        REGION = "region", _("State or province")
        CITY = "city", _("City or town")
        SITE = "site", _("Site (port, prison, border crossing)")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("canonical name"), max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    summary = models.TextField(_("short profile"), blank=True)
    summary_es = models.TextField(_("short profile (Spanish)"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNKNOWN
    )
    level = models.CharField(
        _("place level"),
        max_length=10,
        choices=Level.choices,
        blank=True,
        help_text=_("Places only."),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("located in"),
        help_text=_("Places only: the province or country this place belongs to."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("One link or citation per line.")
    )
    updated_at = models.DateTimeField(auto_now=True)
    # How many articles link to it (``linked``): kept by ``save`` and article_counts.py,
    # so the index sorts on a column instead of counting mentions per request.
    article_count = models.PositiveIntegerField(default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("summary_es"),
        InlinePanel("aliases", label=_("Aliases")),
        InlinePanel("relations", label=_("Relations")),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("parent"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        FieldPanel("sources"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        indexes = [
            # The index page: each kind's most written about first.
            models.Index(fields=["kind", "-article_count", "name"], name="dossier_entity_listing")
        ]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = unique_slug(self.name, Entity, self.pk)
        if self.pk:
            self.article_count = linked(Mention.objects.filter(entity_id=self.pk)).count()
        super().save(*args, **kwargs)

    def linked_articles(self) -> QuerySet:
        """The articles that link to this entity, newest first: what its profile lists."""
        from cronica.news.models import ArticlePage

        mentions = linked(Mention.objects.filter(entity_id=self.pk)).values("article_id")
        return ArticlePage.objects.filter(pk__in=mentions).order_by("-first_published_at")

    def localized_summary(self) -> str:
        if translation.get_language() == "es" and self.summary_es:
            return self.summary_es
        return self.summary

    def get_absolute_url(self) -> str:
        return reverse("dossier:entity", args=[self.slug])

    def source_lines(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


RESERVED_SLUGS = {"seizures", "api"}  # taken by the knowledge base's own pages


def unique_slug(name: str, model: Any, pk: int | None = None) -> str:
    base = slugify(name)[:180] or "entity"
    if base in RESERVED_SLUGS:
        base = f"{base}-entity"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exclude(pk=pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class Alias(Orderable):
    """Another way the entity is written: a nickname, an acronym, a spelling without
    accents, the Spanish name. The canonical name is always an alias too."""

    entity = ParentalKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(_("alias"), max_length=200)
    language = models.CharField(
        _("language"),
        max_length=2,
        blank=True,
        choices=[("", _("Any")), ("en", "English"), ("es", "Español")],
    )
    needs_context = models.BooleanField(
        _("needs context"),
        default=False,
        help_text=_(
            'A common word or a name shared with others ("Mayo", "Chapo"): link '
            "it only when the article also names this entity another way, or names "
            "a related entity."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("language"), FieldPanel("needs_context")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("alias")

    def __str__(self) -> str:
        return self.text


class Relation(Orderable):
    """A dated, sourced link between two entities: "Los Lobos faction of Los Choneros"."""

    class Kind(models.TextChoices):
        ALLIED_WITH = "allied_with", _("allied with")
        RIVAL_OF = "rival_of", _("rival of")
        FACTION_OF = "faction_of", _("faction of")
        SUCCESSOR_OF = "successor_of", _("successor of")
        LEADER_OF = "leader_of", _("leader of")
        MEMBER_OF = "member_of", _("member of")
        OPERATES_IN = "operates_in", _("operates in")
        BASED_IN = "based_in", _("based in")

    subject = ParentalKey(Entity, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("relation"), max_length=16, choices=Kind.choices)
    target = models.ForeignKey(
        Entity,
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        verbose_name=_("entity"),
    )
    start = models.DateField(_("since"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("relation")

    def __str__(self) -> str:
        return f"{self.subject} {self.get_kind_display()} {self.target}"


class Review(models.TextChoices):
    """What an editor decided about something the machine found."""

    SUGGESTED = "suggested", _("Suggested")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class Mention(models.Model):
    """An entity named in an article: where first, as what, how often. A rejected mention
    is never linked and survives re-linking, so the editor decides once."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="dossier_mentions"
    )
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    surface = models.CharField(_("first mention as written"), max_length=200)
    offset = models.PositiveIntegerField(default=0)
    count = models.PositiveIntegerField(default=1)
    status = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.SUGGESTED
    )

    panels = [FieldPanel("status")]
    # Machine-written on every publish: Wagtail's "usage" index would only churn.
    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "entity"], name="dossier_mention_unique")
        ]
        ordering = ["article", "offset"]
        verbose_name = _("link to an entity")
        verbose_name_plural = _("links to entities")

    def __str__(self) -> str:
        return f"{self.entity} in {self.article}"


class Event(models.Model):
    """A seizure, killing, arrest, extradition or reward found in an article's text. It
    counts (in the ledger, on profiles, in the API) only once an editor confirms it."""

    class Kind(models.TextChoices):
        SEIZURE = "seizure", _("Drug seizure")
        KILLING = "killing", _("Killing or homicide figure")
        ARREST = "arrest", _("Arrest")
        EXTRADITION = "extradition", _("Extradition")
        REWARD = "reward", _("Reward")

    class Role(models.TextChoices):
        """What a seizure figure is: only reports enter the ledger."""

        REPORT = "report", _("Seizure")
        RESTATEMENT = "restatement", _("Restatement of a seizure")
        AGGREGATE = "aggregate", _("Total or statistic")

    class Unit(models.TextChoices):
        PILLS = "pills", _("pills")
        PACKAGES = "packages", _("packages")
        BRICKS = "bricks", _("bricks")
        DOSES = "doses", _("doses")

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="dossier_events"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    status = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.SUGGESTED
    )
    fingerprint = models.CharField(max_length=64, editable=False)
    sentence = models.TextField(_("sentence"))
    drug = models.CharField(_("drug"), max_length=40, blank=True)
    kg = models.FloatField(_("kilograms"), null=True, blank=True)
    quantity_text = models.CharField(_("quantity as written"), max_length=120, blank=True)
    qualifier = models.CharField(_("qualifier"), max_length=20, blank=True)
    value_usd = models.FloatField(_("value in US dollars"), null=True, blank=True)
    count = models.PositiveIntegerField(_("people"), null=True, blank=True)
    concealment = models.CharField(_("hidden in"), max_length=200, blank=True)
    place_text = models.CharField(_("place as written"), max_length=200, blank=True)
    place = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events_here",
        limit_choices_to={"kind": "place"},
    )
    country = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events_in_country",
        limit_choices_to={"kind": "place", "level": "country"},
    )
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    entities = models.ManyToManyField(Entity, blank=True, related_name="events")
    role = models.CharField(
        _("figure"),
        max_length=12,
        choices=Role.choices,
        default=Role.REPORT,
        help_text=_(
            "A restatement or a total is shown to editors with the seizures it repeats "
            "or sums, and never enters the ledger."
        ),
    )
    parts = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="summed_in",
        verbose_name=_("restates or sums"),
    )
    item_count = models.PositiveBigIntegerField(_("count"), null=True, blank=True)
    item_unit = models.CharField(_("counted in"), max_length=10, choices=Unit.choices, blank=True)
    # Its article is live and public; kept in sync by published.py, so the ledger and
    # profiles need not ask the page tree for every event.
    published = models.BooleanField(default=False, db_index=True, editable=False)
    # Its article's ``first_published_at``, copied by published.py with the flag, so the
    # ledger sorts and charts seizures without joining them to their pages.
    article_published_at = models.DateTimeField(null=True, editable=False)
    same_as = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="other_reports",
        verbose_name=_("same event as"),
        help_text=_("The same event reported by another article: it is shown once."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status"), FieldPanel("role")]),
        FieldPanel("sentence", read_only=True),
        FieldRowPanel([FieldPanel("drug"), FieldPanel("kg"), FieldPanel("qualifier")]),
        FieldRowPanel([FieldPanel("item_count"), FieldPanel("item_unit")]),
        FieldRowPanel([FieldPanel("value_usd"), FieldPanel("count")]),
        FieldPanel("concealment"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("country"), FieldPanel("occurred_on")]),
        FieldPanel("parts", read_only=True),
        FieldPanel("same_as"),
    ]
    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"], name="dossier_event_unique")
        ]
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("event")

    def __str__(self) -> str:
        label = self.get_kind_display()
        if self.kind == Event.Kind.SEIZURE and self.kg is not None:
            label = f"{label}: {self.kg:g} kg {self.drug}"
        return f"{label} ({self.article})"

    @property
    def date(self) -> datetime.date | None:
        """When it happened, or when the article reporting it was published."""
        if self.occurred_on:
            return self.occurred_on
        published = self.article.first_published_at
        return published.date() if published else None


def linked(mentions: QuerySet) -> QuerySet:
    """Those of ``mentions`` that link an article to its entity for readers: not rejected
    by an editor, in a live and public article. ``Entity.article_count`` counts them (one
    per article: a mention is unique per article and entity) and a profile lists their
    articles, so both always agree."""
    from wagtail.models import Page

    public = Page.objects.live().public().values("pk")
    return mentions.exclude(status=Review.REJECTED).filter(article_id__in=public)


class UnknownName(models.Model):
    """A capitalized name an article uses that the knowledge base does not know: the
    editors' list of suggested new entities is these, counted across articles."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="dossier_unknown_names"
    )
    name = models.CharField(max_length=200)
    kind_guess = models.CharField(max_length=12, blank=True)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "name"], name="dossier_unknown_unique")
        ]
