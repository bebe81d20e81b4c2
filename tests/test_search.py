"""Search queries, the E-utilities client and the candidate queue, without a network.

E-utilities answers come from stored responses in tests/fixtures/eutils, either
through an injected opener or through a small HTTP server on the loopback interface
(so the real urllib path is exercised); nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import json
import shutil
import socket
import threading
import urllib.error
import urllib.parse
from pathlib import Path

import pandas as pd
import pytest
import yaml
from rdaug import search
from rdaug.commands import search as search_command
from rdaug.errors import EUtilsUnavailableError, SearchSetupError
from rdaug.paths import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
EUTILS = FIXTURES / "eutils"
REFERENCE_STUDY = REPO_ROOT / "data" / "studies" / "atteia2022boallcnn.yaml"


def stored(name: str) -> dict:
    return json.loads((EUTILS / name).read_text("utf-8"))


def answer_for(endpoint: str, params: dict[str, str]) -> dict:
    """The stored E-utilities answer for one request, as the service would page it."""
    if endpoint.endswith("esummary.fcgi"):
        summaries = stored("esummary.json")["result"]
        wanted = params["id"].split(",")
        result = {"uids": [u for u in wanted if u in summaries]}
        result.update({u: summaries[u] for u in result["uids"]})
        return {"header": {"type": "esummary", "version": "0.3"}, "result": result}

    term = params["term"]
    if "((" in term:
        return stored("esearch_error.json")
    if '"rare disease"' in term:
        name = "augmentation" if "augmentation" in term else "synthetic"
        answer = stored(f"esearch_{name}_rare_disease.json")
    elif "augmentation" in term and "leukaemia" in term:
        answer = stored("esearch_augmentation_diseases.json")
    else:
        answer = stored("esearch_empty.json")
    result = answer["esearchresult"]
    start, size = int(params.get("retstart", 0)), int(params.get("retmax", 20))
    result["idlist"] = result["idlist"][start : start + size]
    result["retstart"], result["retmax"] = str(start), str(len(result["idlist"]))
    return answer


class StoredResponse:
    def __init__(self, body: bytes):
        self.body = body

    def read(self) -> bytes:
        return self.body

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class StoredOpener:
    """Stands in for urlopen: records each request and answers from the fixtures."""

    def __init__(self):
        self.requests: list[tuple[str, dict[str, str], bool]] = []

    def __call__(self, request, timeout=None):
        url = request.full_url
        if request.data is not None:
            query = request.data.decode("ascii")
        else:
            url, _, query = url.partition("?")
        params = dict(urllib.parse.parse_qsl(query))
        self.requests.append((url, params, request.data is not None))
        body = json.dumps(answer_for(url, params)).encode("utf-8")
        return StoredResponse(body)


def quiet_client(opener, **options) -> search.EUtils:
    return search.EUtils(
        "https://eutils.test/", opener=opener, sleep=lambda s: None, **options
    )


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """A data folder with the repository's queries, two disease names, one study."""
    root = tmp_path / "data"
    (root / "search").mkdir(parents=True)
    (root / "studies").mkdir()
    shutil.copy(REPO_ROOT / "data" / "search" / "queries.yaml", root / "search")
    (root / "search" / "rare_diseases.txt").write_text(
        "# test list\nacute lymphoblastic leukaemia\nSmith-Magenis syndrome\n", "utf-8"
    )
    shutil.copy(REFERENCE_STUDY, root / "studies")
    shutil.copytree(REPO_ROOT / "data" / "screening", root / "screening")
    monkeypatch.setenv("RDAUG_DATA_DIR", str(root))
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.delenv("NCBI_EMAIL", raising=False)
    return root


# --------------------------------------------------------------------- queries


def test_queries_follow_each_databases_syntax_and_the_per_disease_rule(data_folder):
    queries = search.build_queries()
    by_database: dict[str, list[search.Query]] = {}
    for query in queries:
        by_database.setdefault(query.database, []).append(query)

    assert [q.text for q in by_database["Scopus"]] == [
        'TITLE-ABS-KEY("data augmentation" AND "rare disease")',
        'TITLE-ABS-KEY("synthetic data" AND "rare disease")',
    ]
    assert by_database["IEEE Xplore"][0].text == (
        '("All Metadata":"data augmentation") AND ("All Metadata":"rare disease")'
    )
    pubmed = [q.text for q in by_database["PubMed"]]
    assert pubmed == [
        '"data augmentation" AND "rare disease"',
        '"data augmentation" AND ("acute lymphoblastic leukaemia" OR '
        '"Smith-Magenis syndrome")',
        '"synthetic data" AND "rare disease"',
        '"synthetic data" AND ("acute lymphoblastic leukaemia" OR '
        '"Smith-Magenis syndrome")',
    ]


def test_chunk_size_one_gives_one_query_per_disease_name(data_folder):
    names = ["alpha disease", 'beta "quoted" syndrome', "gamma"]
    queries = search.build_queries(
        disease_names=names, chunk_size=1, databases=["PubMed"]
    )
    per_disease = [q for q in queries if q.diseases]
    assert len(per_disease) == len(names) * 2
    assert per_disease[1].text == '"data augmentation" AND "beta  quoted  syndrome"'

    batched = search.build_queries(
        disease_names=names, chunk_size=2, databases=["PubMed"]
    )
    assert [len(q.diseases) for q in batched if q.diseases] == [2, 1, 2, 1]
    assert "names 1-2 of rare_diseases.txt" in batched[1].label


def test_unknown_database_is_refused_with_the_known_ones(data_folder):
    with pytest.raises(SearchSetupError, match="PubMed, Scopus, IEEE Xplore"):
        search.build_queries(databases=["Embase"])


def test_queries_file_reproduces_the_reviews_search_table():
    table = search.review_form(disease_count=9784)
    reported = yaml.safe_load((REPO_ROOT / "data" / "original_review.yaml").read_text())
    expected = {row["database"]: row["strings"] for row in reported["search_strings"]}
    assert table == expected


def test_malformed_queries_file_names_file_and_field(tmp_path):
    path = tmp_path / "queries.yaml"
    path.write_text("method_terms: []\ntopic_terms: [rare disease]\n", "utf-8")
    with pytest.raises(SearchSetupError) as caught:
        search.read_queries_file(path)
    message = str(caught.value)
    assert f"{path}: method_terms:" in message
    assert f"{path}: databases:" in message


def test_disease_names_skip_comments_blanks_and_repeats(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("# header\n\nMarfan syndrome  # note\nmarfan syndrome\nAlport\n")
    assert search.read_disease_names(path) == ["Marfan syndrome", "Alport"]


def test_orphanet_export_becomes_a_sorted_name_list(tmp_path):
    names = search.names_from_orphanet_xml(EUTILS / "orphanet_product1_sample.xml")
    assert names == [
        "Acute lymphoblastic leukemia",
        "Marfan syndrome",
        "Smith-Magenis syndrome",
    ]
    written = search.write_disease_list(names, "a test export", tmp_path / "rd.txt")
    assert search.read_disease_names(written) == names
    assert "9,784" in written.read_text()

    bad = tmp_path / "bad.xml"
    bad.write_text("<JDBOR><DisorderList></DisorderList></JDBOR>")
    with pytest.raises(SearchSetupError, match="no Disorder/Name"):
        search.names_from_orphanet_xml(bad)


# ----------------------------------------------------------------- E-utilities


def test_esearch_sends_the_documented_parameters(monkeypatch):
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    opener = StoredOpener()
    client = quiet_client(opener, email="maintainer@example.org")
    result = client.esearch(
        '"data augmentation" AND "rare disease"',
        mindate=dt.date(2026, 12, 3),
        maxdate=dt.date(2026, 12, 20),
        retmax=100,
    )
    url, params, posted = opener.requests[0]
    assert url == "https://eutils.test/esearch.fcgi"
    assert not posted
    assert params["db"] == "pubmed"
    assert params["datetype"] == "edat"
    assert (params["mindate"], params["maxdate"]) == ("2026/12/03", "2026/12/20")
    assert params["retmode"] == "json" and params["tool"] == "rdaug"
    assert params["email"] == "maintainer@example.org"
    assert "api_key" not in params
    assert result.count == 3
    assert result.ids == ("41000003", "41000002", "41000001")
    assert "[edat]" in result.query_translation


def test_api_key_from_environment_is_sent_and_allows_a_faster_pace(monkeypatch):
    monkeypatch.setenv("NCBI_API_KEY", "k3y")
    opener = StoredOpener()
    client = quiet_client(opener)
    client.esearch('"synthetic data" AND "rare disease"')
    assert opener.requests[0][1]["api_key"] == "k3y"
    assert client.interval < search.INTERVAL_WITHOUT_KEY
    monkeypatch.delenv("NCBI_API_KEY")
    assert quiet_client(opener).interval == search.INTERVAL_WITHOUT_KEY


def test_requests_are_spaced_by_the_rate_limit():
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    client = search.EUtils(
        "https://eutils.test/",
        api_key="",
        opener=StoredOpener(),
        sleep=sleep,
        clock=lambda: now[0],
    )
    client.esearch('"data augmentation" AND "rare disease"')
    now[0] += 0.1
    client.esearch('"data augmentation" AND "rare disease"')
    client.esearch('"data augmentation" AND "rare disease"')
    assert waits == pytest.approx(
        [search.INTERVAL_WITHOUT_KEY - 0.1, search.INTERVAL_WITHOUT_KEY]
    )


def test_esearch_all_pages_through_the_count():
    opener = StoredOpener()
    result = quiet_client(opener).esearch_all(
        '"data augmentation" AND "rare disease"', retmax=2
    )
    assert result.ids == ("41000003", "41000002", "41000001")
    assert [params["retstart"] for _, params, _ in opener.requests] == ["0", "2"]


def test_long_queries_are_posted():
    opener = StoredOpener()
    names = [f"disease number {i}" for i in range(120)]
    long_term = search.build_queries(
        search.read_queries_file(REPO_ROOT / "data" / "search" / "queries.yaml"),
        names,
        chunk_size=120,
        databases=["PubMed"],
    )[1].text
    quiet_client(opener).esearch(long_term)
    url, params, posted = opener.requests[0]
    assert posted and params["term"] == long_term


def test_esummary_records_become_candidates_with_ids_year_and_title():
    client = quiet_client(StoredOpener())
    records = client.esummary(["41000001", "41000003", "41000002"])
    assert [r["uid"] for r in records] == ["41000001", "41000003", "41000002"]
    found = dt.date(2026, 12, 20)
    first = search.candidate_from_summary(records[0], query="q", found=found)
    assert first.pmid == 41000001
    assert first.doi == "10.5555/ojrd.2026.0001"
    assert first.year == 2026
    assert first.journal == "Orphanet journal of rare diseases"
    assert first.title.startswith("Diffusion-model augmentation")
    no_doi = search.candidate_from_summary(records[1], query="q", found=found)
    assert no_doi.doi is None and no_doi.year == 2027


def test_esearch_error_answer_is_reported():
    with pytest.raises(EUtilsUnavailableError, match="unbalanced parentheses"):
        quiet_client(StoredOpener()).esearch('"a" AND ((b')


def test_unreachable_service_is_a_plain_error():
    def offline(request, timeout=None):
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    with pytest.raises(EUtilsUnavailableError, match="cannot reach NCBI E-utilities"):
        quiet_client(offline).esearch("x")


def test_not_json_and_http_errors_are_plain_errors():
    def html(request, timeout=None):
        return StoredResponse(b"<html>maintenance</html>")

    with pytest.raises(EUtilsUnavailableError, match="not JSON"):
        quiet_client(html).esearch("x")

    def busy(request, timeout=None):
        raise urllib.error.HTTPError(
            request.full_url, 429, "Too Many Requests", {}, None
        )

    with pytest.raises(EUtilsUnavailableError, match="HTTP 429"):
        quiet_client(busy).esearch("x")


# ------------------------------------------------------------------- dedupe


def test_candidates_already_known_or_repeated_are_dropped():
    studies = pd.DataFrame(
        {
            "pmid": pd.array([41000002, None], dtype="Int64"),
            "doi": ["10.1/other", "10.3390/s22155520"],
            "title": [
                "A study",
                "BO-ALLCNN: Bayesian-Based Optimized CNN for Acute Lymphoblastic "
                "Leukemia Detection in Microscopic Blood Smear Images",
            ],
        }
    )
    queued = search.Candidate(
        source="PubMed", query="q", found=dt.date(2026, 12, 1), pmid=41000004,
        title="Synthetic registries for rare disease research: a privacy audit.",
    )  # fmt: skip
    records = stored("esummary.json")["result"]
    found = [
        search.candidate_from_summary(
            records[uid], query="q", found=dt.date(2026, 12, 20)
        )
        for uid in records["uids"]
    ]
    found.append(found[0].model_copy(update={"query": "another query"}))

    known = search.known_records(studies, [queued])
    fresh = search.new_candidates(found, known)

    # 41000002 by PMID, 41000004 queued, 41000005 by DOI (case-folded), 41000006 by
    # title (punctuation and case folded), and the repeat of 41000001.
    assert [c.pmid for c in fresh] == [41000001, 41000003]
    assert fresh[0].query == "q"


def test_screening_decisions_count_as_known():
    from rdaug.prisma import load_screening_logs

    logs = load_screening_logs(FIXTURES / "screening")
    known = search.known_records(
        pd.DataFrame(columns=["pmid", "doi", "title"]), [], logs
    )
    assert 40000003 in known.pmids
    assert "10.1000/a6" in known.dois


# ------------------------------------------------------------------- the command


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rdaug")
    search_command.register(parser.add_subparsers())
    return parser.parse_args(["search", *argv])


class FixtureHandler(http.server.BaseHTTPRequestHandler):
    def _answer(self, query: str) -> None:
        params = dict(urllib.parse.parse_qsl(query))
        body = json.dumps(answer_for(self.path.split("?")[0], params)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self._answer(urllib.parse.urlsplit(self.path).query)

    def do_POST(self):  # noqa: N802
        length = int(self.headers["Content-Length"])
        self._answer(self.rfile.read(length).decode("ascii"))

    def log_message(self, *args):
        pass


@pytest.fixture
def local_eutils(monkeypatch):
    """E-utilities on 127.0.0.1, answering from the stored responses."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("RDAUG_EUTILS_URL", f"http://127.0.0.1:{server.server_port}/")
    monkeypatch.setattr(search, "INTERVAL_WITHOUT_KEY", 0.0)
    yield server
    server.shutdown()
    server.server_close()


def test_search_command_queues_new_records_once(data_folder, local_eutils, capsys):
    args = parse("--since", "2026-12-03", "--until", "2026-12-20")
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert 'TITLE-ABS-KEY("data augmentation" AND "rare disease")' in out

    queue_file = data_folder / "search" / "candidates.yaml"
    text = queue_file.read_text("utf-8")
    assert text.startswith("# Candidate queue")
    queue = search.read_queue(queue_file)
    # Found: 41000001-41000006; 41000005 (DOI) and 41000006 (title) are the study.
    assert sorted(c.pmid for c in queue.candidates) == [
        41000001, 41000002, 41000003, 41000004,
    ]  # fmt: skip
    by_pmid = {c.pmid: c for c in queue.candidates}
    assert by_pmid[41000004].query == '"synthetic data" AND "rare disease"'
    assert by_pmid[41000001].found == dt.date.today()
    run = queue.searches[-1]
    assert (run.since, run.until, run.added) == (
        dt.date(2026, 12, 3), dt.date(2026, 12, 20), 4,
    )  # fmt: skip

    again = parse("--until", "2026-12-20")
    assert again.func(again) == 0
    second = search.read_queue(queue_file)
    assert len(second.candidates) == 4
    assert second.searches[-1].since == dt.date(2026, 12, 20)
    assert second.searches[-1].added == 0


def test_dry_run_and_print_queries_leave_the_queue_alone(data_folder, local_eutils):
    queue_file = data_folder / "search" / "candidates.yaml"
    args = parse("--dry-run", "--since", "2026-12-03")
    assert args.func(args) == 0
    assert not queue_file.exists()

    def no_network(*a, **k):
        raise AssertionError("--print-queries must not call E-utilities")

    search_printed = parse("--print-queries")
    original = search.EUtils._call
    search.EUtils._call = no_network
    try:
        assert search_printed.func(search_printed) == 0
    finally:
        search.EUtils._call = original


def test_without_network_the_command_says_so_and_keeps_the_queue(
    data_folder, monkeypatch, capsys
):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("RDAUG_EUTILS_URL", f"http://127.0.0.1:{port}/")
    queue_file = data_folder / "search" / "candidates.yaml"
    queue_file.write_text("candidates: []\n", "utf-8")
    before = queue_file.read_bytes()

    args = parse("--since", "2026-12-03")
    assert args.func(args) == search_command.UNREACHABLE
    err = capsys.readouterr().err
    assert "cannot reach NCBI E-utilities" in err
    assert "queue is unchanged" in err
    assert "Traceback" not in err
    assert queue_file.read_bytes() == before


def test_broken_queue_file_is_reported_not_overwritten(data_folder, capsys):
    queue_file = data_folder / "search" / "candidates.yaml"
    queue_file.write_text("candidates:\n  - {source: PubMed, title: x}\n", "utf-8")
    args = parse("--since", "2026-12-03")
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert "candidates.0.query" in err and "candidates.0.found" in err
    assert "title: x" in queue_file.read_text()


def test_disease_list_is_rewritten_from_the_study_files(data_folder):
    args = parse("--diseases-from-studies")
    assert args.func(args) == 0
    names = search.read_disease_names(data_folder / "search" / "rare_diseases.txt")
    assert names == ["acute lymphoblastic leukaemia"]


def test_default_start_is_where_the_last_pubmed_run_ended():
    queue = search.Queue(
        searches=[
            search.SearchRun(
                date=dt.date(2027, 1, 5), source="PubMed", since=dt.date(2026, 12, 1),
                until=dt.date(2027, 1, 5), queries=4, records=9, added=2,
            )
        ]
    )  # fmt: skip
    studies = pd.DataFrame({"added": pd.to_datetime(["2026-12-03"])})
    assert search.default_since(queue, [], studies) == dt.date(2027, 1, 5)
    assert search.default_since(search.Queue(), [], studies) == dt.date(2026, 12, 3)


def test_cli_discovers_the_search_command(data_folder, capsys):
    from rdaug.cli import main

    assert main(["search", "--print-queries", "--database", "Scopus"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Scopus (2 queries, run by hand):")
    assert "PubMed" not in out
