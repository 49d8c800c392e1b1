"""Local build settings (Pelican convention). publishconf.py extends them for GitHub Pages."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "Newsprism"
SITENAME = "Newsprism"
SITEDESCRIPTION = "How the press covered it: every outlet's coverage of an event, side by side, in its own words."
SITEURL = ""
PATH = os.path.join(HERE, "content")
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

THEME = os.path.join(HERE, "theme")
PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["newsprism.pelican_plugin"]

# Every page links relatively, so the site works at any sub-path (GitHub Pages project sites).
RELATIVE_URLS = True

# Article pages: one per article file, every sentence anchored.
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
# The digest index, event and outlet pages are written by the Newsprism generator; Pelican's
# own blog pages (tags, categories, authors, archives, pages, static files) are not used.
DIRECT_TEMPLATES = []
PAGE_PATHS = []
STATIC_PATHS = []
ARTICLE_EXCLUDES = []
TAG_SAVE_AS = TAGS_SAVE_AS = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False

# Article text is untrusted: every template escapes what it prints (feeds and sitemap too).
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                     "extensions": []}

# The digest lists this many events per page (page 1 is index.html, then page/2/, ...).
NEWSPRISM_EVENTS_PER_PAGE = 20
# Run Pagefind after the build (the binary ships with the pagefind[bin] package).
NEWSPRISM_SEARCH = True
# Pagefind holds about 6 bytes of memory per byte of HTML it indexes (1.8 GB for the 321 MB of
# event and article pages of 10,000 articles), so it indexes the pages in bundles of at most
# this many MB of HTML (about 240 MB of memory each), one after another, and the search page
# merges them. A site up to about 1,000 articles is one bundle; on a larger one the article
# pages are indexed while the event pages are written. None: always one bundle.
NEWSPRISM_SEARCH_BUNDLE_MB = 40

# Same input, same output: no file-system dates, no build-time randomness.
DEFAULT_DATE = None
TEMPLATE_EXTENSIONS = [".html", ".xml"]

# Speed (README, "Speed"): each article's analysis and each event's comparison are cached under
# cache/, keyed by content and code, so a rebuild recomputes only what changed; `pelican
# --ignore-cache` (it sets LOAD_CONTENT_CACHE = False) or `make clean` recomputes everything.
# Pelican's own reader cache stays off: it is keyed by file dates and would not notice a new
# Newsprism version.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = True
NEWSPRISM_CACHE = os.environ.get("NEWSPRISM_CACHE", os.path.join(HERE, "cache"))
# Analysis runs as Dask tasks on local processes when a build has enough uncached articles to
# pay for them; name a scheduler to run analysis and comparison on a cluster (README, "Running
# on a cluster").
NEWSPRISM_WORKERS = os.environ.get("NEWSPRISM_WORKERS", "auto")
NEWSPRISM_DASK_SCHEDULER = os.environ.get("NEWSPRISM_DASK_SCHEDULER") or None
NEWSPRISM_PARALLEL_MIN = int(os.environ.get("NEWSPRISM_PARALLEL_MIN", 300))
