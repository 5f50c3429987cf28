"""Sphinx configuration of Alembic By Example."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "ext"))

project = "Alembic By Example"
author = "The Alembic By Example authors"
copyright = "2026, The Alembic By Example authors"
release = "2026.11"
version = release  # the EPUB's metadata needs one

extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "abe",
    "abe.pdf_layout",  # the PDF's front matter before the levels (ext/abe/pdf_layout.py)
]

root_doc = "book/index"
include_patterns = ["book/**"]  # the chapters are the only sources
# Everything else at the top is excluded too, so Sphinx does not walk it looking for sources
# (.nox, and a node_modules left from older checkouts, hold tens of thousands of files).
exclude_patterns = ["**/.pytest_cache", ".nox", ".venv", "node_modules", ".cache", "_build",
                    ".git", "examples", "ext", "tests", "bench"]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 0
smartquotes = False  # "--autogenerate" stays two hyphens, quotes stay as typed
suppress_warnings = ["myst.header"]

templates_path = ["book/_templates"]
html_static_path = ["book/_static"]
html_extra_path = ["book/_extra"]  # index.html at the top of the output: it opens the book
html_theme = "furo"
html_favicon = "book/_static/favicon.svg"
html_title = "Alembic By Example"
html_last_updated_fmt = None

# Copy only what a reader types: the "$ " prompt is stripped, generated listings have no button.
copybutton_selector = "div.highlight-console pre, div.abe-file pre"
copybutton_prompt_text = "$ "
copybutton_only_copy_prompt_lines = True

# Mermaid diagrams: drawn while the book builds, by Python alone (ext/abe/diagrams.py).

# The extension's options (see ext/abe/config.py); environment variables override them.
abe_examples_dir = "examples"
abe_cache_dir = os.environ.get("ABE_CACHE_DIR", ".cache/abe")

# The PDF edition (nox -s pdf): LaTeX through latexmk.
latex_engine = "pdflatex"
today = "November 2026"  # the edition's date: fixed, so two builds give the same PDF text
latex_documents = [(root_doc, "alembic-by-example.tex", project, author, "manual")]
latex_show_urls = "no"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    # long lines in listings wrap at spaces, never by force inside a word; where a line has no
    # space left, after , ( / = . or inside psql's ---+--- rules (the preamble below), which
    # can fall inside a path or a string literal: such a line is copied whole from the HTML
    "sphinxsetup": "verbatimwrapslines=true, verbatimforcewraps=false",
    "preamble": r"""
% Examples are "Example 38", not "2.8 Example 38": no section numbers (levels neither)
\setcounter{secnumdepth}{-1}
% product names are never split ("Post-greSQL"), here nor in the execution report
\hyphenation{PostgreSQL SQLAlchemy}
% one listing counter for the whole book: every listing number is unique
\makeatletter
\AtBeginDocument{\@removefromreset{literalblock}{chapter}%
  \def\theliteralblock{\arabic{literalblock}}}
\makeatother
\usepackage{etoolbox}
\makeatletter
% break listing lines at spaces; after , ( / = . only as a last resort, where a line has no
% space left to break at (each such break costs 5000, a space nothing): never inside a word
\renewcommand*\sphinxbreaksbeforelist{}
% and between two hyphens or a hyphen and a + (psql's table rules)
\renewcommand*\sphinxbreaksafterlist{\let\PYGZhy\abe@hyphen}
\renewcommand*\sphinxbreaksbeforeactivelist{}
\renewcommand*\sphinxbreaksafteractivelist{\do\,\do\(\do\/\do\=\do\.}
\renewcommand*\sphinxbreaksviaactive{%
  \def\do##1{\lccode`\~`##1%
    \lowercase{\def~}{\char`##1\discretionary{}{\sphinxafterbreak}{}}%
    \catcode`##1\active}%
  \sphinxbreaksafteractivelist
  \lccode`\~`\~
  \let~\spx@verbatim@space}
\def\abe@hyphen#1{\char`\-\futurelet\abe@next\abe@hyphenbreak}
\def\abe@hyphenbreak{\ifx\abe@next\PYGZhy\discretionary{}{\sphinxafterbreak}{}\else
  \ifx\abe@next+\discretionary{}{\sphinxafterbreak}{}\fi\fi}
% an empty-before discretionary costs \exhyphenpenalty: 5000 in listing lines (0 in Sphinx)
\patchcmd{\spx@verb@@PreProcessLine}{\exhyphenpenalty\z@}{\exhyphenpenalty5000 }{}%
  {\PackageError{abe}{Sphinx's listing line macro changed: see conf.py}{}}
% a listing keeps at least 4 of its (visual) lines on each side of a page break: no break
% before its lines 2 to 4, nor before its last three (fancyvrb guards one line each side)
\newcount\abe@lines
\newbox\abe@lineA \newbox\abe@lineB
\def\FV@ListProcessLine@iii#1{%
  \global\abe@lines\@ne\nobreak\box\@tempboxa
  \setbox\@tempboxa=\FV@ListProcessLine{#1}%
  \let\FV@ProcessLine\FV@ListProcessLine@iv}
\def\FV@ListProcessLine@iv#1{%
  \global\advance\abe@lines\@ne
  \ifnum\abe@lines<4 \nobreak\else\penalty\interlinepenalty\fi
  \box\@tempboxa
  \setbox\@tempboxa=\FV@ListProcessLine{#1}}
\let\abe@ProcessLastLine\FV@ListProcessLastLine
\def\FV@ListProcessLastLine{%
  \ifx\FV@ProcessLine\FV@ListProcessLine@iv
    \ifinner\ifnum\abe@lines>3
      % take the two lines before the last back and set them again, unbreakable
      \setbox\abe@lineB\lastbox\unskip\unpenalty
      \setbox\abe@lineA\lastbox\unskip\unpenalty
      \nobreak\box\abe@lineA\nobreak\box\abe@lineB
    \fi\fi
    \nobreak\box\@tempboxa\let\FV@ProcessLine\relax
  \fi
  \abe@ProcessLastLine}
% a caption and the listing's first lines: a new page if fewer than 4 lines would fit
\renewcommand{\sphinxliteralblockneedspace}{7\baselineskip}
% a diagram in the text flow, centred, at most the line's width and 0.38 of the page's
% height: one that does not fit moves to the next page, leaving less than 40% empty
\newcommand*\abediagram[1]{\par\medskip
  {\centering\spx@image@maxheight=0.38\textheight\relax
   \sphinxincludegraphics{#1}\par}\medskip}
\makeatother
\usepackage{xcolor}
% the execution report's table is set on landscape pages (abe.report)
\usepackage{pdflscape}
\definecolor{abeOutput}{RGB}{238,243,249}
\definecolor{abeSql}{RGB}{251,245,234}
\definecolor{abeBlue}{RGB}{1,115,178}
\definecolor{abeOrange}{RGB}{222,143,5}
% the schema panel (abe.schemaview) on the abeOutput tint: "+" rows green (6.63:1), "-" rows red
% (7.05:1), version notes grey (5.73:1): its own Pygments tokens (giAbe, gdAbe, cAbe ...)
\definecolor{abeAdded}{RGB}{17,99,41}
\definecolor{abeRemoved}{RGB}{164,14,38}
\definecolor{abeNote}{RGB}{87,96,106}
\makeatletter
\@namedef{PYG@tok@giAbe}{\def\PYG@tc##1{\textcolor{abeAdded}{##1}}}
\@namedef{PYG@tok@gdAbe}{\def\PYG@tc##1{\textcolor{abeRemoved}{##1}}}
\@namedef{PYG@tok@cAbe}{\let\PYG@it=\textit\def\PYG@tc##1{\textcolor{abeNote}{##1}}}
\@namedef{PYG@tok@ghAbe}{\let\PYG@bf=\textbf\def\PYG@tc##1{\textcolor{black}{##1}}}
\@namedef{PYG@tok@gsAbe}{\let\PYG@bf=\textbf\def\PYG@tc##1{\textcolor{black}{##1}}}
\makeatother
\ifdefined\DeclareUnicodeCharacter\DeclareUnicodeCharacter{2192}{\ensuremath{\rightarrow}}\fi
""",
}

# The EPUB edition (nox -s epub): diagrams as PNG images (abe.diagrams.visit_epub), checked by
# epubcheck.
epub_basename = "alembic-by-example"
epub_show_urls = "no"
epub_exclude_files = ["search.html", "index.html"]  # index.html: the HTML's redirect page
# nav.xhtml and toc.ncx from the table of contents that carries the root document's folder
# (book/): with the default scope Sphinx 9 leaves it out of their links (epubcheck RSC-007)
epub_tocscope = "includehidden"
