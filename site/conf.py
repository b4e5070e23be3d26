"""Sphinx configuration of the course website (built by ``make site``; see tools/build_site.py).

The pages are the learner edition as stored (no notebook is executed here). The widget JavaScript is served from
the site itself (``widgets_js/``, fetched from the npm registry at build time), never from a CDN.
"""
project = "Soviet foreign policy under Stalin, 1924–1953"
author = "the course authors"
copyright = "the course authors; text CC BY 4.0, code MIT"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "node_modules", "**.ipynb_checkpoints"]
master_doc = "index"
language = "en"

nb_execution_mode = "off"  # the notebooks are stored with their outputs
nb_merge_streams = True
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

# Served from _static/ (html_static_path below): require.js and the widget manager from npm, pinned in package.json.
nb_ipywidgets_js = {
    "require.js": {},
    "embed-amd.js": {"data-jupyter-widgets-cdn": "_static/", "data-jupyter-widgets-cdn-only": "true"},
}
html_static_path = ["widgets_js", "static"]
html_css_files = ["course.css"]

html_theme = "sphinx_book_theme"
html_title = "Soviet foreign policy under Stalin"
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,  # each notebook page has its own download link
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "navigation_with_keys": False,
}
html_context = {"default_mode": "light"}  # else the theme logs an error on a first visit
html_favicon = "favicon.svg"  # else the browser asks for /favicon.ico, which a static host may not have
html_show_sourcelink = False
html_last_updated_fmt = None
