"""GitHub Pages build settings: pelicanconf.py plus the published address."""
import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

# The published site's address, e.g. https://user.github.io/repo (feeds need absolute links).
SITEURL = os.environ.get("NEWSPRISM_SITEURL", "")
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True
