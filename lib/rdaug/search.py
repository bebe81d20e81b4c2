"""The review's searches as data, and the PubMed fetch that feeds the candidate queue.

``data/search/queries.yaml`` holds the search terms of the original review (method
terms such as "data augmentation", the topic "rare disease") and, per database, its
syntax and whether the review also searched with each rare disease name in place of
the topic. :func:`build_queries` turns that file into query strings for PubMed,
Scopus and IEEE Xplore.

For PubMed, :class:`EUtils` runs the queries through NCBI E-utilities (ESearch for
the PubMed ids entered in a date window, ESummary version 2.0 for their titles,
years and DOIs). :func:`new_candidates` drops the records already in the dataset, in
the queue or in a screening log, and :func:`write_queue` appends the rest to
``data/search/candidates.yaml``, where they wait to be screened. Scopus and IEEE
Xplore need licensed API keys, so their strings are printed for running by hand.

The per-disease query of the review ran over 9,784 Orphanet disease names. That
list is not shipped here and cannot be fetched at build time, so
``data/search/rare_diseases.txt`` holds the disease names of the study files until a
maintainer replaces it with a full Orphanet export (:func:`names_from_orphanet_xml`,
``rdaug search --diseases-from-orphanet``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError

from .errors import EUtilsUnavailableError, SearchSetupError
from .paths import data_dir
from .validation import normalised_title

logger = logging.getLogger(__name__)

EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
API_KEY_VARIABLE = "NCBI_API_KEY"
EMAIL_VARIABLE = "NCBI_EMAIL"
URL_VARIABLE = "RDAUG_EUTILS_URL"  # another E-utilities address, e.g. a mirror
TOOL = "rdaug"
# NCBI allows 3 requests a second without an API key and 10 with one; stay below.
INTERVAL_WITHOUT_KEY = 0.34
INTERVAL_WITH_KEY = 0.11
SUMMARY_BATCH = 200  # ids per ESummary request
MAX_GET_LENGTH = 1800  # longer requests go as POST, as NCBI asks
PUBMED = "PubMed"


def search_dir() -> Path:
    """Return the folder of the search set-up and the candidate queue."""
    return data_dir() / "search"


# ------------------------------------------------------------------------- queries


class DatabaseSyntax(BaseModel):
    """How one database is searched."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    syntax: str = Field(pattern=r"^(pubmed|scopus|ieee)$")
    per_disease: bool = False
    field_tag: str | None = None
    fetch: bool = False


class QueriesFile(BaseModel):
    """The content of ``data/search/queries.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    method_terms: list[str] = Field(min_length=1)
    topic_terms: list[str] = Field(min_length=1)
    disease_names: str
    databases: dict[str, DatabaseSyntax] = Field(min_length=1)
    disease_chunk_size: PositiveInt = 25
    retmax: PositiveInt = 500


@dataclass(frozen=True)
class Query:
    """One query string for one database.

    ``label`` is the short form kept in the queue: the query itself, or for a batch
    of disease names the lines of the disease list it covers.
    """

    database: str
    method_term: str
    text: str
    label: str
    diseases: tuple[str, ...] = ()


def read_queries_file(path: os.PathLike | str | None = None) -> QueriesFile:
    """Read and check ``data/search/queries.yaml``.

    Raises
    ------
    SearchSetupError
        Naming the file and every field that is wrong.
    """
    path = Path(path) if path else search_dir() / "queries.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SearchSetupError(f"{path}: cannot be read: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise SearchSetupError(f"{path}: YAML syntax error: {error}") from None
    return _checked(QueriesFile, raw, path)


def _checked(model, raw, path: Path):
    """Validate a parsed set-up file, naming the file and every wrong field."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        lines = [
            f"{path}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in error.errors(include_url=False)
        ]
        raise SearchSetupError("\n".join(lines)) from None


def read_disease_names(path: os.PathLike | str | None = None) -> list[str]:
    """Return the rare disease names of a list file: one per line, ``#`` comments.

    Names are kept in file order with repeats (ignoring case) dropped.
    """
    path = Path(path) if path else search_dir() / "rare_diseases.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SearchSetupError(f"{path}: cannot be read: {error.strerror}") from None
    names, seen = [], set()
    for line in text.splitlines():
        name = " ".join(line.split("#", 1)[0].split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def _quoted(term: str) -> str:
    # Double quotes make a phrase in all three databases; one inside a name would
    # end the phrase early, so it is dropped.
    return '"' + term.replace('"', " ").strip() + '"'


def _render(database: str, spec: DatabaseSyntax, method: str, topics: Sequence[str]):
    tag = spec.field_tag
    if spec.syntax == "pubmed":
        suffix = f"[{tag}]" if tag else ""
        parts = [f"{_quoted(t)}{suffix}" for t in topics]
        topic = parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
        return f"{_quoted(method)}{suffix} AND {topic}"
    if spec.syntax == "scopus":
        inner = " OR ".join(_quoted(t) for t in topics)
        topic = inner if len(topics) == 1 else f"({inner})"
        return f"{tag or 'TITLE-ABS-KEY'}({_quoted(method)} AND {topic})"
    label = tag or "All Metadata"
    parts = [f'("{label}":{_quoted(t)})' for t in topics]
    topic = parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    return f'("{label}":{_quoted(method)}) AND {topic}'


def build_queries(
    queries: QueriesFile | None = None,
    disease_names: Sequence[str] | None = None,
    *,
    chunk_size: int | None = None,
    databases: Iterable[str] | None = None,
) -> list[Query]:
    """Build every query of every database, in the file's order.

    Parameters
    ----------
    queries : QueriesFile, optional
        From :func:`read_queries_file`; read from the data folder when omitted.
    disease_names : sequence of str, optional
        Names for the per-disease queries; read from the file the queries file
        names when omitted.
    chunk_size : int, optional
        Disease names joined with OR into one query (the review ran one query per
        name; batching gives the same records with far fewer requests). ``1``
        reproduces the review's one-name form.
    databases : iterable of str, optional
        Only these databases (names as in the queries file).

    Returns
    -------
    list of Query
    """
    queries = queries or read_queries_file()
    if disease_names is None and any(s.per_disease for s in queries.databases.values()):
        disease_names = read_disease_names(search_dir() / queries.disease_names)
    size = chunk_size or queries.disease_chunk_size
    wanted = set(databases) if databases else None
    if wanted:
        unknown = wanted - set(queries.databases)
        if unknown:
            raise SearchSetupError(
                f"unknown database {sorted(unknown)}; the queries file has "
                f"{', '.join(queries.databases)}"
            )

    built: list[Query] = []
    for database, spec in queries.databases.items():
        if wanted and database not in wanted:
            continue
        for method in queries.method_terms:
            for topic in queries.topic_terms:
                text = _render(database, spec, method, [topic])
                built.append(Query(database, method, text, text))
            if not spec.per_disease:
                continue
            names = list(disease_names or [])
            for start in range(0, len(names), size):
                chunk = tuple(names[start : start + size])
                text = _render(database, spec, method, chunk)
                last = start + len(chunk)
                label = text
                if len(chunk) > 1:
                    label = (
                        f"{_quoted(method)} AND <one of rare disease names "
                        f"{start + 1}-{last} of {queries.disease_names}>"
                    )
                built.append(Query(database, method, text, label, chunk))
    return built


def review_form(
    queries: QueriesFile | None = None, disease_count: int | None = None
) -> dict[str, list[str]]:
    """Return the searches in the wording of the review's search table.

    The per-disease query reads ``<method> AND one of <n> individual rare disease
    names``; ``n`` is ``disease_count``, or the length of the current disease list.
    """
    queries = queries or read_queries_file()
    if disease_count is None:
        disease_count = len(read_disease_names(search_dir() / queries.disease_names))
    table: dict[str, list[str]] = {}
    for database, spec in queries.databases.items():
        strings = []
        for method in queries.method_terms:
            strings.extend(f"{method} AND {topic}" for topic in queries.topic_terms)
            if spec.per_disease:
                strings.append(
                    f"{method} AND one of {disease_count} individual rare disease names"
                )
        table[database] = strings
    return table


# ------------------------------------------------------------------- E-utilities


@dataclass(frozen=True)
class SearchResult:
    """What ESearch answered for one query."""

    count: int
    ids: tuple[str, ...]
    query_translation: str = ""
    webenv: str | None = None
    query_key: str | None = None


class EUtils:
    """A small, polite client of NCBI E-utilities (ESearch and ESummary, JSON).

    Parameters
    ----------
    base_url : str, optional
        E-utilities address; ``$RDAUG_EUTILS_URL`` or NCBI's by default.
    api_key : str, optional
        NCBI API key; ``$NCBI_API_KEY`` by default. With a key NCBI allows 10
        requests a second instead of 3, and the client waits accordingly.
    email : str, optional
        Contact address NCBI asks tools to send; ``$NCBI_EMAIL`` by default.
    opener : callable, optional
        ``opener(request, timeout=...)`` returning a response with ``read()``;
        :func:`urllib.request.urlopen` by default. Tests pass one that serves
        stored responses.
    timeout : float
        Seconds to wait for an answer.

    Raises
    ------
    EUtilsUnavailableError
        From every request that cannot reach E-utilities or gets an error back.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        email: str | None = None,
        opener: Callable | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.base_url = (base_url or os.environ.get(URL_VARIABLE) or EUTILS_URL).rstrip(
            "/"
        ) + "/"
        self.api_key = (
            api_key if api_key is not None else os.environ.get(API_KEY_VARIABLE)
        )
        self.email = email if email is not None else os.environ.get(EMAIL_VARIABLE)
        self.interval = INTERVAL_WITH_KEY if self.api_key else INTERVAL_WITHOUT_KEY
        self.opener = opener or urllib.request.urlopen
        self.timeout = timeout
        self._sleep, self._clock = sleep, clock
        self._last: float | None = None
        self.requests = 0

    def _wait_turn(self) -> None:
        if self._last is not None:
            wait = self.interval - (self._clock() - self._last)
            if wait > 0:
                self._sleep(wait)
        self._last = self._clock()

    def _call(self, endpoint: str, params: dict[str, object]) -> dict:
        params = {k: v for k, v in params.items() if v is not None}
        params.update(tool=TOOL, retmode="json")
        if self.email:
            params["email"] = self.email
        if self.api_key:
            params["api_key"] = self.api_key
        url = self.base_url + endpoint
        encoded = urllib.parse.urlencode(params)
        if len(url) + 1 + len(encoded) > MAX_GET_LENGTH:
            request = urllib.request.Request(url, data=encoded.encode("ascii"))
        else:
            request = urllib.request.Request(f"{url}?{encoded}")
        request.add_header("User-Agent", f"{TOOL} (living review search)")

        self._wait_turn()
        self.requests += 1
        host = urllib.parse.urlsplit(self.base_url).netloc
        try:
            with self.opener(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            raise EUtilsUnavailableError(
                f"NCBI E-utilities ({host}) answered HTTP {error.code} {error.reason} "
                f"to {endpoint}; try again later"
            ) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            raise EUtilsUnavailableError(
                f"cannot reach NCBI E-utilities ({host}): {reason}"
            ) from None
        try:
            answer = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise EUtilsUnavailableError(
                f"NCBI E-utilities ({host}) answered {endpoint} with something that "
                "is not JSON; try again later"
            ) from None
        if not isinstance(answer, dict):
            raise EUtilsUnavailableError(
                f"unexpected answer from {endpoint}: {answer!r}"
            )
        return answer

    def esearch(
        self,
        term: str,
        *,
        mindate: dt.date | None = None,
        maxdate: dt.date | None = None,
        datetype: str = "edat",
        retmax: int = 500,
        retstart: int = 0,
        usehistory: bool = False,
    ) -> SearchResult:
        """Run one PubMed ESearch; dates bound the Entrez date (``edat``) by default."""
        answer = self._call(
            "esearch.fcgi",
            {
                "db": "pubmed",
                "term": term,
                "datetype": datetype if (mindate or maxdate) else None,
                "mindate": mindate.strftime("%Y/%m/%d") if mindate else None,
                "maxdate": maxdate.strftime("%Y/%m/%d") if maxdate else None,
                "retmax": retmax,
                "retstart": retstart,
                "usehistory": "y" if usehistory else None,
            },
        )
        result = answer.get("esearchresult")
        if not isinstance(result, dict):
            raise EUtilsUnavailableError("ESearch answer has no esearchresult")
        if "ERROR" in result:
            raise EUtilsUnavailableError(
                f"ESearch refused the query: {result['ERROR']}"
            )
        return SearchResult(
            count=int(result.get("count", 0)),
            ids=tuple(str(i) for i in result.get("idlist", [])),
            query_translation=result.get("querytranslation", ""),
            webenv=result.get("webenv"),
            query_key=result.get("querykey"),
        )

    def esearch_all(self, term: str, *, retmax: int = 500, **options) -> SearchResult:
        """Run ESearch page by page until every id of the count is collected."""
        first = self.esearch(term, retmax=retmax, **options)
        ids = list(first.ids)
        while len(ids) < first.count:
            page = self.esearch(term, retmax=retmax, retstart=len(ids), **options)
            if not page.ids:
                break
            ids.extend(page.ids)
        return SearchResult(first.count, tuple(ids), first.query_translation)

    def esummary(self, ids: Sequence[str]) -> list[dict]:
        """Return the ESummary (version 2.0) records of PubMed ids, in id order."""
        records: list[dict] = []
        for start in range(0, len(ids), SUMMARY_BATCH):
            batch = list(ids[start : start + SUMMARY_BATCH])
            answer = self._call(
                "esummary.fcgi",
                {"db": "pubmed", "id": ",".join(batch), "version": "2.0"},
            )
            if "error" in answer:
                raise EUtilsUnavailableError(f"ESummary error: {answer['error']}")
            result = answer.get("result", {})
            for uid in result.get("uids", []):
                record = result.get(str(uid))
                if isinstance(record, dict) and "error" not in record:
                    records.append(record)
        return records


# ------------------------------------------------------------------- candidates


class Candidate(BaseModel):
    """A record found by a search, waiting to be screened."""

    model_config = ConfigDict(extra="forbid")

    source: str
    query: str
    found: dt.date
    pmid: int | None = None
    doi: str | None = None
    title: str
    year: int | None = None
    journal: str | None = None


def candidate_from_summary(
    record: dict, *, query: str, found: dt.date, source: str = PUBMED
) -> Candidate:
    """Turn one ESummary 2.0 record into a candidate (PMID, DOI, title, year)."""
    ids = {
        str(item.get("idtype", "")).casefold(): str(item.get("value", ""))
        for item in record.get("articleids", [])
        if isinstance(item, dict)
    }
    pmid = ids.get("pubmed") or record.get("uid")
    doi = ids.get("doi") or None
    year_match = re.match(
        r"(\d{4})", str(record.get("pubdate") or record.get("sortpubdate") or "")
    )
    return Candidate(
        source=source,
        query=query,
        found=found,
        pmid=int(pmid) if pmid and str(pmid).isdigit() else None,
        doi=doi.strip() if doi else None,
        title=" ".join(str(record.get("title", "")).split()) or "(no title)",
        year=int(year_match.group(1)) if year_match else None,
        journal=record.get("fulljournalname") or record.get("source") or None,
    )


@dataclass
class KnownRecords:
    """Identifiers already seen: in the study files, the queue or a screening log."""

    pmids: set[int] = field(default_factory=set)
    dois: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)

    def add(self, pmid=None, doi=None, title=None) -> None:
        if pmid is not None and not pd.isna(pmid):
            self.pmids.add(int(pmid))
        if isinstance(doi, str) and doi:
            self.dois.add(doi.strip().casefold())
        if isinstance(title, str) and title:
            self.titles.add(normalised_title(title))

    def knows(self, candidate: Candidate) -> bool:
        return bool(
            (candidate.pmid is not None and candidate.pmid in self.pmids)
            or (candidate.doi and candidate.doi.casefold() in self.dois)
            or normalised_title(candidate.title) in self.titles
        )


def known_records(
    studies: pd.DataFrame,
    queue: Sequence[Candidate] = (),
    screening_logs: Sequence = (),
) -> KnownRecords:
    """Collect the identifiers a new candidate must not repeat."""
    known = KnownRecords()
    for row in studies[["pmid", "doi", "title"]].itertuples(index=False):
        known.add(row.pmid, row.doi, row.title)
    for candidate in queue:
        known.add(candidate.pmid, candidate.doi, candidate.title)
    for log in screening_logs:
        for decision in log.decisions:
            kind, _, value = decision.record.partition(":")
            if kind == "pmid" and value.strip().isdigit():
                known.add(pmid=int(value))
            elif kind == "doi":
                known.add(doi=value.strip())
            else:
                known.add(title=decision.record)
            known.add(title=decision.title)
    return known


def new_candidates(found: Iterable[Candidate], known: KnownRecords) -> list[Candidate]:
    """Keep the candidates not known yet, each once (the first query that found it)."""
    fresh = []
    for candidate in found:
        if known.knows(candidate):
            continue
        fresh.append(candidate)
        known.add(candidate.pmid, candidate.doi, candidate.title)
    return fresh


# ------------------------------------------------------------------------ queue


class SearchRun(BaseModel):
    """One run of ``rdaug search`` against one database."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    source: str
    since: dt.date
    until: dt.date
    queries: int
    records: int
    added: int


class Queue(BaseModel):
    """The candidate queue file: past runs and the candidates still to screen."""

    model_config = ConfigDict(extra="forbid")

    searches: list[SearchRun] = Field(default_factory=list)
    candidates: list[Candidate] = Field(default_factory=list)


QUEUE_HEADER = """\
# Candidate queue of the living review, written by `rdaug search`.
#
# Each candidate is a record a search found that is not yet in data/studies, in this
# queue or in a screening log (matched by PMID, DOI or normalised title). To screen
# one, add a decision for it to data/screening/<update>.yaml (included with the key of
# its new study file, or excluded with a reason from exclusion_reason in
# data/vocabulary.yaml) and then delete it from this list. `searches` records each run:
# the next run starts where the last one ended.
"""


def queue_path() -> Path:
    """Return ``data/search/candidates.yaml``."""
    return search_dir() / "candidates.yaml"


def read_queue(path: os.PathLike | str | None = None) -> Queue:
    """Read the candidate queue; a missing file is an empty queue."""
    path = Path(path) if path else queue_path()
    if not path.exists():
        return Queue()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise SearchSetupError(f"{path}: YAML syntax error: {error}") from None
    return _checked(Queue, raw, path)


def write_queue(queue: Queue, path: os.PathLike | str | None = None) -> Path:
    """Write the queue with its explanatory header (via a temporary file)."""
    path = Path(path) if path else queue_path()
    body = yaml.safe_dump(
        queue.model_dump(mode="json", exclude_none=True),
        sort_keys=False,
        allow_unicode=True,
        width=88,
    )
    temporary = path.with_suffix(".yaml.tmp")
    temporary.write_text(QUEUE_HEADER + body, encoding="utf-8")
    temporary.replace(path)
    return path


def default_since(
    queue: Queue, screening_logs: Sequence, studies: pd.DataFrame
) -> dt.date:
    """Where a search starts when no date is given.

    The end of the last PubMed run in the queue; else the latest search date of a
    screening log; else the latest date a study file was added. The review's first
    year is the floor.
    """
    runs = [run.until for run in queue.searches if run.source == PUBMED]
    if runs:
        return max(runs)
    dates = [
        log.search.date
        for log in screening_logs
        if isinstance(log.search.date, dt.date)
    ]
    if dates:
        return max(dates)
    added = studies["added"].dropna() if "added" in studies else pd.Series([])
    if len(added):
        return added.max().date()
    return dt.date(2018, 1, 1)


def fetch_pubmed(
    client: EUtils,
    queries: Sequence[Query],
    *,
    since: dt.date,
    until: dt.date,
    retmax: int = 500,
    found: dt.date | None = None,
) -> tuple[list[Candidate], int]:
    """Run PubMed queries for records entered between two dates.

    Returns every candidate found (repeats across queries included, first query
    first) and the number of ESearch hits summed over queries.
    """
    found = found or dt.date.today()
    candidates: list[Candidate] = []
    first_query: dict[str, str] = {}
    hits = 0
    for query in queries:
        result = client.esearch_all(
            query.text, mindate=since, maxdate=until, retmax=retmax
        )
        hits += result.count
        logger.info("%s: %d records for %s", PUBMED, result.count, query.label)
        for pmid in result.ids:
            first_query.setdefault(pmid, query.label)
    ids = list(first_query)
    for record in client.esummary(ids):
        uid = str(record.get("uid", ""))
        label = first_query.get(uid, "")
        candidates.append(candidate_from_summary(record, query=label, found=found))
    return candidates, hits


def names_from_studies(studies: pd.DataFrame) -> list[str]:
    """Return the distinct disease names of the study files, sorted."""
    names = {str(n) for names in studies["disease"] for n in names}
    return sorted(names, key=str.casefold)


def names_from_orphanet_xml(path: os.PathLike | str) -> list[str]:
    """Return the disorder names of an Orphadata "product 1" XML export.

    The export (``en_product1.xml``, "Rare diseases and alignment with terminologies
    and databases", free from orphadata.com) lists each disorder as a ``Disorder``
    element with a ``Name``. It is read with the standard library's parser, which
    is fine for that trusted file but not for XML from unknown sources.
    """
    import xml.etree.ElementTree as ET

    names = []
    try:
        for _, element in ET.iterparse(str(path), events=("end",)):
            if element.tag == "Disorder":
                name = element.find("Name")
                if name is not None and name.text:
                    names.append(" ".join(name.text.split()))
                element.clear()
    except (ET.ParseError, OSError) as error:
        raise SearchSetupError(
            f"{path}: not a readable Orphadata XML file: {error}"
        ) from None
    if not names:
        raise SearchSetupError(
            f"{path}: no Disorder/Name elements; is it en_product1.xml?"
        )
    return sorted(set(names), key=str.casefold)


DISEASE_LIST_HEADER = (
    "Rare disease names for the per-disease PubMed query: one name per line; lines "
    "starting with # are comments.",
    "The original review searched PubMed with each of 9,784 Orphanet rare disease "
    "names. That list is not shipped with this repository and cannot be downloaded "
    "when the book is built, so this file holds {origin}.",
    'To search as widely as the review did, download the Orphadata export "Rare '
    'diseases and alignment with terminologies and databases" (en_product1.xml) from '
    "https://www.orphadata.com and run `rdaug search --diseases-from-orphanet "
    "en_product1.xml`, which replaces this list with every disorder name of the "
    "export.",
)


def write_disease_list(names: Sequence[str], origin: str, path=None) -> Path:
    """Write a disease-name list with the header that says where it came from."""
    import textwrap

    path = Path(path) if path else search_dir() / "rare_diseases.txt"
    header = []
    for paragraph in DISEASE_LIST_HEADER:
        text = paragraph.format(origin=origin)
        header += textwrap.wrap(text, 86, initial_indent="# ", subsequent_indent="# ")
        header.append("#")
    text = "\n".join(header[:-1]) + "\n" + "".join(f"{n}\n" for n in names)
    path.write_text(text, encoding="utf-8")
    return path
