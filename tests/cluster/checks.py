#!/usr/bin/env python3
"""The HTTP part of tests/cluster/run.sh: checks that drive three portal nodes (and the nginx in front of them) as a
browser would, through the pages and their forms. Standard library only.

    python3 tests/cluster/checks.py --nodes URL1 URL2 URL3 --balancer URL --mail-file FILE --facts FILE CHECK...

CHECK is a number: 1 (publish and withdraw seen on every node), 2 (a session on every node), 3 (a rate limit over
all nodes), 4 (an attachment on every node), 6 (an outbox mail sent once). For each it prints PASS name or
FAIL name: reason on stdout; what it did and measured goes to stderr (run.sh keeps it in checks.log). --facts gets
a few things run.sh's own checks need (a column page, published record pages), one KEY=VALUE a line.
"""
import argparse
import html
import html.parser
import http.cookiejar
import json
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PASSWORD = "Demo@2026pass"  # the demo accounts' password (DemoAccountsSeeder)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TOKEN = "__RequestVerificationToken"


def note(*args):
    print(*args, file=sys.stderr, flush=True)


class CheckFailed(Exception):
    pass


def expect(condition, reason):
    if not condition:
        raise CheckFailed(reason)


# ------------------------------------------------------------------------------------------------------------ HTTP

class Response:
    def __init__(self, status, headers, body, url, took):
        self.status, self.headers, self.body, self.url, self.took = status, headers, body, url, took

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name)

    @property
    def node(self):
        return self.headers.get("X-Portal-Node")

    @property
    def location(self):
        return self.headers.get("Location") or ""

    def __repr__(self):
        return f"{self.status} {self.url} ({self.node})"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A visitor with a cookie jar: cookies are per host, not per port, so one jar is one browser on every node."""

    def __init__(self, base, client=None):
        self.base = base.rstrip("/")
        self.client = client  # an X-Forwarded-For address, believed by the nodes from 127.0.0.1 (the balancer's address)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirects())

    def url(self, path, base=None):
        return path if path.startswith("http") else (base or self.base).rstrip("/") + path

    def request(self, method, path, base=None, data=None, headers=None, timeout=30):
        headers = dict(headers or {})
        if self.client:
            headers["X-Forwarded-For"] = self.client
        request = urllib.request.Request(self.url(path, base), data=data, method=method, headers=headers)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=timeout) as r:
                return Response(r.status, r.headers, r.read(), request.full_url, time.monotonic() - started)
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read(), request.full_url, time.monotonic() - started)

    def get(self, path, base=None, headers=None):
        return self.request("GET", path, base, headers=headers)

    def post(self, path, fields, base=None, files=None, multipart=False):
        if files or multipart:
            boundary = "----dpcluster" + uuid.uuid4().hex
            parts = []
            for name, value in fields:
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n")
            for name, filename, content, content_type in files or []:
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                             f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
            parts.append(f"--{boundary}--\r\n".encode())
            return self.request("POST", path, base, b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        body = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, base, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def form(self, page, action, base=None):
        """The POST form on page that posts to action, as this browser is shown it now."""
        r = self.get(page, base)
        expect(r.status == 200, f"GET {page} on {base or self.base} answered {r.status}: no form to fill in")
        return find_form(r.text, action, page)

    def submit(self, page, action, typed=None, page_base=None, post_base=None, files=None):
        """GETs page (from page_base), fills in its form to action and posts it (to post_base): what a person does."""
        form = self.form(page, action, page_base)
        return self.post(action, form.fill(typed or {}), post_base or page_base, files=files, multipart=form.multipart)

    def sign_in(self, user, base=None):
        r = self.submit("/account/login", "/account/login", {"UserName": user, "Password": PASSWORD}, base, base)
        expect(r.status == 302, f"signing in {user} answered {r.status}, not a redirect")
        return r


# ------------------------------------------------------------------------------------------------------------ forms

class Control:
    def __init__(self, tag, attrs, disabled):
        self.tag, self.attrs, self.disabled = tag, attrs, disabled
        self.name = attrs.get("name") or ""
        self.kind = (tag if tag in ("textarea",) else
                     ("select-multiple" if "multiple" in attrs else "select-one") if tag == "select" else
                     (attrs.get("type") or "submit").lower() if tag == "button" else
                     (attrs.get("type") or "text").lower())
        self.options = []  # (value, selected, disabled, text) of a select
        self.text = ""     # a textarea's content

    @property
    def choices(self):
        if self.kind.startswith("select"):
            return [v for v, _, d, _ in self.options if not d]
        if self.kind in ("checkbox", "radio", "submit"):
            return [self.attrs.get("value", "on" if self.kind != "submit" else "")]
        return None


class Form:
    def __init__(self, attrs):
        self.action = attrs.get("action") or ""
        self.method = (attrs.get("method") or "get").lower()
        self.multipart = (attrs.get("enctype") or "").lower() == "multipart/form-data"
        self.id = attrs.get("id")
        self.controls = []

    def successful(self):
        """The form data set a browser sends before the person types anything (HTML §4.10.21.4, no submitter)."""
        for c in self.controls:
            if c.disabled or not c.name:
                continue
            if c.kind in ("submit", "file", "button", "reset", "image"):
                continue
            if c.kind in ("checkbox", "radio"):
                if "checked" in c.attrs:
                    yield c.name, c.attrs.get("value", "on")
            elif c.kind.startswith("select"):
                usable = [(v, s) for v, s, d, _ in c.options if not d]
                chosen = [v for v, s in usable if s]
                if not chosen and c.kind == "select-one" and usable:
                    chosen = [usable[0][0]]
                for v in chosen:
                    yield c.name, v
            elif c.kind == "textarea":
                yield c.name, c.text
            else:
                yield c.name, c.attrs.get("value", "")

    def fill(self, typed):
        """The fields sent after the person typed typed (a name: value, or a list of values), as PageForm does: only
        into fields the form renders, only choices it offers; a form without a token is refused."""
        typed = {k: (v if isinstance(v, list) else [v]) for k, v in typed.items()}
        names = {c.name for c in self.controls if not c.disabled}
        for name, values in typed.items():
            expect(name in names, f"the form {self.action} has no usable field {name} (it has {sorted(names)})")
            controls = [c for c in self.controls if c.name == name and not c.disabled]
            offered = [c.choices for c in controls]
            if all(o is not None for o in offered):
                flat = [v for o in offered for v in o]
                for v in values:
                    expect(v == "" or v in flat, f"the field {name} of {self.action} offers {flat[:20]}, not {v!r}")
        fields = list(self.successful())
        expect(any(n == TOKEN and v for n, v in fields), f"the form {self.action} carries no antiforgery token")
        result, written = [], set()
        for name, value in fields:
            if name not in typed:
                result.append((name, value))
            elif name not in written:
                written.add(name)
                result.extend((name, v) for v in typed[name] if v != "" or not self._choice(name))
        for name, values in typed.items():
            if name not in written:
                result.extend((name, v) for v in values if v != "" or not self._choice(name))
        return result

    def _choice(self, name):
        return all(c.kind in ("checkbox", "radio") for c in self.controls if c.name == name)

    def options(self, name):
        """(value, text) of the usable options of the select named name."""
        return [(v, t) for c in self.controls if c.name == name and not c.disabled for v, _, d, t in c.options if not d]

    def file_field(self):
        files = [c.name for c in self.controls if c.kind == "file" and not c.disabled]
        expect(self.multipart and len(files) == 1, f"the form {self.action} is not a multipart form with one file input")
        return files[0]


class FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.current, self.loose = [], None, []
        self.fieldsets = []  # disabled flags of the open fieldsets
        self.select = self.option = self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        disabled = "disabled" in a or any(self.fieldsets)
        if tag == "form":
            self.current = Form(a)
            self.forms.append(self.current)
        elif tag == "fieldset":
            self.fieldsets.append("disabled" in a)
        elif tag in ("input", "select", "textarea", "button"):
            control = Control(tag, a, disabled)
            if "form" in a:
                self.loose.append((a["form"], control))
            elif self.current is not None:
                self.current.controls.append(control)
            if tag == "select":
                self.select = control
            elif tag == "textarea":
                self.textarea = control
        elif tag == "option" and self.select is not None:
            self.option = [a.get("value"), "selected" in a, "disabled" in a, ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "fieldset" and self.fieldsets:
            self.fieldsets.pop()
        elif tag == "select":
            self._close_option()
            self.select = None
        elif tag == "option":
            self._close_option()
        elif tag == "textarea":
            self.textarea = None

    def _close_option(self):
        if self.option is not None and self.select is not None:
            value, selected, disabled, text = self.option
            self.select.options.append((value if value is not None else text.strip(), selected, disabled, text.strip()))
        self.option = None

    def handle_data(self, data):
        if self.option is not None:
            self.option[3] += data
        elif self.textarea is not None:
            self.textarea.text += data

    def close(self):
        super().close()
        for form_id, control in self.loose:
            for f in self.forms:
                if f.id == form_id:
                    f.controls.append(control)


def forms_of(page_html):
    p = FormParser()
    p.feed(page_html)
    p.close()
    return p.forms


def find_form(page_html, action, page=""):
    posts = [f for f in forms_of(page_html) if f.method == "post"]
    for f in posts:
        if (f.action or page) == action:
            return f
    raise CheckFailed(f"{page} renders no POST form to {action} (its POST forms go to {sorted({f.action for f in posts})})")


def input_value(page_html, name):
    for f in forms_of(page_html):
        for c in f.controls:
            if c.name == name:
                return c.attrs.get("value", "")
    raise CheckFailed(f"no input {name} on the page")


# ------------------------------------------------------------------------------------------------------------ the cluster

class Cluster:
    def __init__(self, args):
        self.nodes = [n.rstrip("/") for n in args.nodes]
        self.balancer = args.balancer.rstrip("/")
        self.mail_file = args.mail_file
        self.facts_file = args.facts
        self.county = (args.county or "").rstrip("/")
        self.sessions = {}
        self.tag = uuid.uuid4().hex[:10]  # marks what this run writes
        self.item = self.column = None
        self.records = []

    def node(self, i):
        return self.nodes[i - 1]

    def user(self, name):
        """A browser signed in as the demo account name through node 1 (kept: signing in is slow on purpose and limited)."""
        if name not in self.sessions:
            b = Browser(self.node(1))
            b.sign_in(name)
            self.sessions[name] = b
        return self.sessions[name]

    def discover(self):
        """The housing bureau's first catalogue item (the editor's new-record form offers it), its column page and a few
        published records on it: what check 1 publishes into and what run.sh's load asks for."""
        form = self.user("editor.housing").form("/manage/records/new", "/manage/records/new")
        items = [v for v, _ in form.options("CatalogueItemId") if v]
        expect(items, "the new-record form offers the editor no catalogue item")
        self.item = int(items[0])
        page = Browser(self.node(1)).get(f"/items/{self.item}")
        expect(page.status == 200, f"/items/{self.item} answered {page.status}")
        column = re.search(r'href="(/domains/[a-z0-9-]+\?stage=[a-z0-9-]+)"', page.text)
        expect(column, f"/items/{self.item} links to no column page with a stage")
        self.column = html.unescape(column.group(1))
        listing = Browser(self.node(1)).get(self.column)
        self.records = sorted(set(re.findall(r'href="(/records/\d+)"', listing.text)))[:5]
        with open(self.facts_file, "w", encoding="utf-8") as f:
            f.write(f"ITEM=/items/{self.item}\nCOLUMN={self.column}\nRECORDS={' '.join(self.records)}\n")
        note(f"item {self.item}, column {self.column}, records {self.records}")

    # The editorial workflow, as WorkflowSupport in the web tests takes it.

    def draft(self, editor, title, base):
        today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
        r = editor.submit("/manage/records/new", "/manage/records/new", {
            "CatalogueItemId": str(self.item), "Kind": "8", "Title": title, "DocumentNumber": "",
            "IssuingOrgan": "青川县住房和城乡建设局", "WrittenOn": today, "Validity": "1", "DisclosureAttribute": "1",
            "Body": "### 一、总体要求\n\n集群测试正文。", "Intent": "save"}, base, base)
        m = re.fullmatch(r"/manage/records/(\d+)", r.location)
        expect(r.status == 302 and m, f"saving the draft answered {r.status} {r.location!r}")
        return int(m.group(1))

    def submit(self, editor, record, base):
        page = f"/manage/records/{record}"
        form = editor.form(page, f"{page}/submit", base)
        typed = {}
        if any(c.name == "Plan.Form" for c in form.controls):
            typed["Plan.Form"] = "1"
        r = editor.post(f"{page}/submit", form.fill(typed), base)
        expect(r.status == 302, f"submitting record {record} answered {r.status}")

    def approve(self, record, base):
        """Every step of the review chain, each by the first of the team the review page shows its form to; the last
        step publishes (confirmed). Answers the last response."""
        page = self.user("reviewer").get(f"/manage/records/{record}", base)
        versions = re.findall(r"/review/versions/\d+", page.text)
        expect(versions, f"the reviewer's /manage/records/{record} links to no review page")
        review = versions[-1]
        last = None
        for _ in range(6):
            for name in ("reviewer", "reviewer2", "reviewer3", "leader"):
                b = self.user(name)
                forms = [f for f in forms_of(b.get(review, base).text) if f.method == "post" and f.action == review]
                if forms:
                    break
            else:
                expect(last is not None, f"nobody of the review team is shown the form on {review}")
                return last
            form = forms[0]
            confirm = any(c.name == "ConfirmPublish" for c in form.controls)
            typed = {"Outcome": "1", "Comment": ""}
            if confirm:
                typed["ConfirmPublish"] = [c.choices[0] for c in form.controls if c.name == "ConfirmPublish"][0]
            last = b.post(review, form.fill(typed), base)
            expect(last.status == 302, f"{name}'s step on {review} answered {last.status}")
            if confirm:
                return last
        return last


# ------------------------------------------------------------------------------------------------------------ results

RESULTS = []


def passed(name, detail=""):
    RESULTS.append(True)
    print(f"PASS {name}" + (f" ({detail})" if detail else ""), flush=True)


def failed(name, reason):
    RESULTS.append(False)
    print(f"FAIL {name}: {reason}", flush=True)


def outcome(name, action):
    """Runs action; its return value (a detail) makes a PASS, a CheckFailed or any error a FAIL."""
    try:
        passed(name, action() or "")
        return True
    except CheckFailed as e:
        failed(name, str(e))
    except Exception as e:  # a broken connection, a page not as expected: the check failed, and says how
        failed(name, f"{type(e).__name__}: {e}")
    return False


def watch(targets, seen, t0, limit):
    """Polls every (label, base, path) of targets every 20 ms, each in its own thread as a new visitor, until
    seen(path, response) holds or limit seconds after t0 have passed. Answers {label: (sent, answered) in seconds after
    t0 of the first request that saw it, or None}."""
    results = {}

    def poll(label, base, path):
        b = Browser(base)
        while True:
            sent = time.monotonic()
            try:
                r = b.get(path)
                ok = seen(path, r)
            except Exception as e:  # noqa: BLE001 — a failed poll is just not seen yet
                note(f"  poll {label}: {e}")
                ok = False
            answered = time.monotonic()
            if ok:
                results[label] = (sent - t0, answered - t0)
                return
            if answered - t0 > limit:
                results[label] = None
                return
            time.sleep(0.02)

    threads = [threading.Thread(target=poll, args=t) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def warm(base, paths):
    """GETs each path as a visitor until the answer comes from the output cache (an Age header): twice, or a few times
    more when an eviction from another node (the draft and the submission just made evict pages too) arrived while the
    page was being computed, so that it was not stored."""
    for path in paths:
        b = Browser(base)
        for attempt in range(6):
            r = b.get(path)
            expect(r.status == 200, f"{path} on {base} answered {r.status}")
            if attempt > 0 and r.header("Age") is not None:
                break
            time.sleep(0.05 * attempt)
        else:
            raise CheckFailed(f"{path} on {base} is not served from the output cache when asked 6 times (no Age)")


# ------------------------------------------------------------------------------------------------------------ checks

def check_1(c):
    """Published through node 1: nodes 2 and 3 show it within 1 s (their cached pages too), node 3's search finds it;
    withdrawn through node 1: gone from every node's pages within 1 s, its page a 404."""
    names = ("1a-publish-seen-on-nodes-2-and-3", "1b-search-on-node-3-finds-it", "1c-withdraw-gone-from-every-node")
    title = f"集群发布测试 {c.tag}"
    lists = ["/", f"/items/{c.item}", c.column, "/feeds/all.atom"]
    record = None
    state = {}

    def search_after(t0):
        # A visitor of its own (a client address of its own, forwarded as the balancer would), so that these searches
        # do not count against the address check 3 counts; one every 100 ms for 1 s: at most 11, under the limit of 12.
        b = Browser(c.node(3), client="192.0.2.11")
        while True:
            sent = time.monotonic() - t0
            r = b.get("/search?" + urllib.parse.urlencode({"q": c.tag}))
            answered = time.monotonic() - t0
            if r.status == 200 and f"/records/{record}" in r.text:
                state["search"] = f"found by a search sent {sent:.3f} s after the approval, answered at {answered:.3f} s"
                return
            if r.status != 200:
                state["search"] = CheckFailed(f"/search on node 3 answered {r.status}")
                return
            if answered > 1.0:
                state["search"] = CheckFailed(f"/search?q={c.tag} on node 3 did not find record {record} within 1 s of the approval")
                return
            time.sleep(0.1)

    def publish():
        nonlocal record
        editor = c.user("editor.housing")
        record = c.draft(editor, title, c.node(1))
        c.submit(editor, record, c.node(1))
        time.sleep(0.5)  # the evictions of the draft and the submission have reached every node
        for i in (2, 3):
            warm(c.node(i), lists)
            for path in c.records[:1]:  # a record page rendered once on this node (views compiled): the poll measures the change, not a cold start
                Browser(c.node(i)).get(path)
            for path in lists:
                expect(title not in Browser(c.node(i)).get(path).text, f"{path} on node {i} shows the title before publication")
            expect(Browser(c.node(i)).get(f"/records/{record}").status == 404, f"/records/{record} on node {i} is not a 404 before publication")
        # One search on node 3 before (a client address of its own again): the one after times the index, not a cold start.
        before = Browser(c.node(3), client="192.0.2.12").get("/search?" + urllib.parse.urlencode({"q": c.tag}))
        expect(before.status == 200 and f"/records/{record}" not in before.text, f"/search on node 3 before publication answered {before.status} or found the draft")
        last = c.approve(record, c.node(1))
        t0 = time.monotonic()
        expect(last.node == "node1", f"the approval was answered by {last.node}, not node1")
        state["published"] = True
        searching = threading.Thread(target=search_after, args=(t0,))
        searching.start()
        targets = [(f"node{i} {p}", c.node(i), p) for i in (2, 3) for p in lists + [f"/records/{record}"]]
        seen = watch(targets, lambda p, r: r.status == 200 and title in r.text, t0, 5.0)
        searching.join()
        for label, times in sorted(seen.items()):
            note(f"  published: {label}: " + (f"seen by a request sent at {times[0]:.3f} s, answered at {times[1]:.3f} s" if times else "not seen within 5 s"))
        missing = [label for label, times in seen.items() if times is None or times[1] > 1.0]
        expect(not missing, "not shown within 1 s after the approval: " + ", ".join(
            f"{l} ({'never within 5 s' if seen[l] is None else f'request sent at {seen[l][0]:.3f} s, answered at {seen[l][1]:.3f} s'})" for l in sorted(missing)))
        worst = {i: max(t[1] for label, t in seen.items() if label.startswith(f"node{i} ")) for i in (2, 3)}
        return f"every page showed it by: node2 {worst[2]:.3f} s, node3 {worst[3]:.3f} s after the approval"

    def search():
        expect(record is not None and state.get("published"), "not published")
        result = state.get("search")
        if isinstance(result, Exception):
            raise result
        expect(result, "the search did not run")
        return result

    def withdraw():
        expect(record is not None and state.get("published"), "not published")
        for i in (1, 2, 3):
            warm(c.node(i), lists + [f"/records/{record}"])
        reviewer = c.user("reviewer")
        page = f"/manage/records/{record}"
        r = reviewer.submit(page, f"/review/records/{record}/withdraw", {"reason": "集群测试撤回"}, c.node(1), c.node(1))
        t0 = time.monotonic()
        expect(r.status == 302, f"the withdrawal answered {r.status}")
        targets = [(f"node{i} {p}", c.node(i), p) for i in (1, 2, 3) for p in lists + [f"/records/{record}"]]
        gone = watch(targets, lambda p, r: r.status == 404 if p.startswith("/records/") else (r.status == 200 and title not in r.text), t0, 5.0)
        for label, times in sorted(gone.items()):
            note(f"  withdrawn: {label}: " + (f"gone for a request sent at {times[0]:.3f} s, answered at {times[1]:.3f} s" if times else "still there after 5 s"))
        missing = [label for label, times in gone.items() if times is None or times[1] > 1.0]
        expect(not missing, "still shown more than 1 s after the withdrawal: " + ", ".join(
            f"{l} ({'after 5 s too' if gone[l] is None else f'{gone[l][1]:.3f} s'})" for l in sorted(missing)))
        worst = {i: max(t[1] for label, t in gone.items() if label.startswith(f"node{i} ")) for i in (1, 2, 3)}
        return f"gone from every page and /records/{record} a 404 by: node1 {worst[1]:.3f} s, node2 {worst[2]:.3f} s, node3 {worst[3]:.3f} s after the withdrawal"

    outcome(names[0], publish)
    outcome(names[1], search)
    outcome(names[2], withdraw)


def check_2(c):
    """A session begun on node 1 is good on nodes 2 and 3; a form read on node 2 is accepted by node 3."""
    def session():
        b = Browser(c.node(1))
        b.sign_in("editor.housing", c.node(1))
        for i in (2, 3):
            r = b.get("/manage", c.node(i))
            expect(r.status == 200, f"/manage on node {i} with node 1's cookies answered {r.status} {r.location}".strip())
            expect(r.node == f"node{i}", f"/manage was answered by {r.node}")
        today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
        form = b.form("/manage/records/new", "/manage/records/new", c.node(2))
        r = b.post("/manage/records/new", form.fill({
            "CatalogueItemId": str(c.item), "Kind": "8", "Title": f"集群会话测试 {c.tag}", "IssuingOrgan": "青川县住房和城乡建设局",
            "WrittenOn": today, "Validity": "1", "DisclosureAttribute": "1", "Body": "集群会话测试。", "Intent": "save"}),
            c.node(3), multipart=form.multipart)
        expect(r.status == 302 and re.fullmatch(r"/manage/records/\d+", r.location),
               f"the form read on node 2, posted to node 3, answered {r.status} {r.location!r}")
        expect(r.node == "node3", f"the post was answered by {r.node}")
        return f"/manage 200 on nodes 2 and 3; draft saved at {r.location}"
    outcome("2-session-across-nodes", session)


def check_3(c):
    """A search limit of 12 per window holds over all three nodes: 6 searches on each from one address, 12 answered."""
    def limit():
        b = Browser(c.node(1), client="192.0.2.33")  # one client address, as the balancer forwards it
        statuses = []
        for i in (1, 2, 3):
            for k in range(6):
                r = b.get("/search?" + urllib.parse.urlencode({"q": "住房"}), c.node(i))
                statuses.append((i, r.status, r.header("Retry-After")))
        ok = sum(1 for _, s, _ in statuses if s == 200)
        limited = [(i, s, ra) for i, s, ra in statuses if s == 429]
        per_node = ", ".join(f"node{i}: " + " ".join(str(s) for n, s, _ in statuses if n == i) for i in (1, 2, 3))
        note(f"  search statuses {per_node}")
        expect(ok == 12 and len(limited) == 6, f"{ok} answered 200 and {len(limited)} 429 of 18, not 12 and 6 ({per_node})")
        expect(all(ra for _, _, ra in limited), "a 429 without Retry-After")
        return per_node
    outcome("3-rate-limit-over-all-nodes", limit)


def check_4(c):
    """An attachment uploaded through node 1 downloads through node 3, the same bytes."""
    def attachment():
        editor = c.user("editor.housing")
        record = c.draft(editor, f"集群附件测试 {c.tag}", c.node(1))
        page = f"/manage/records/{record}"
        action = f"{page}/attachments"
        form = editor.form(page, action, c.node(1))
        r = editor.post(action, form.fill({}), c.node(1), files=[(form.file_field(), "cluster-test.pdf", PDF, "application/pdf")])
        expect(r.status == 302, f"the upload through node 1 answered {r.status}")
        shown = editor.get(page, c.node(3))
        expect(shown.status == 200, f"{page} on node 3 answered {shown.status}")
        links = re.findall(r'href="(/manage/attachments/\d+)"', shown.text)
        expect(links, f"{page} on node 3 links to no attachment")
        download = editor.get(links[0], c.node(3))
        expect(download.status == 200, f"{links[0]} on node 3 answered {download.status}")
        expect(download.node == "node3", f"the download was answered by {download.node}")
        expect(download.body == PDF, f"{links[0]} on node 3 gave {len(download.body)} bytes, not the {len(PDF)} uploaded")
        return f"{links[0]}: {len(PDF)} bytes equal"
    outcome("4-attachment-across-nodes", attachment)


def mails_to(c, address):
    try:
        with open(c.mail_file, encoding="utf-8") as f:
            return [m for m in (json.loads(line) for line in f if line.strip()) if address in m["to"]]
    except FileNotFoundError:
        return []


def check_6(c):
    """One outbox mail, three nodes polling the outbox: the writer of a message is mailed once when its reply is approved."""
    def mail():
        writer_address = f"writer-{c.tag}@example.org"
        subject = f"咨询集群测试 {c.tag}"
        writer = Browser(c.balancer)
        r = writer.submit("/messages/write", "/messages/write", {
            "Kind": "Consultation", "Subject": subject, "Body": "幸福路的路灯坏了两个星期，请问由哪个部门维修？",
            "Name": "李留言", "Phone": "13822223333", "Email": writer_address})
        expect(r.status == 303 and r.location.startswith("/messages/receipt/"), f"writing the message answered {r.status} {r.location!r}")
        office = c.user("reviewer")
        queue = office.get("/office/messages", c.balancer)
        expect(queue.status == 200, f"/office/messages answered {queue.status}")
        row = re.search(r'href="(/staff/messages/\d+)"[^<]*>[^<]*' + re.escape(c.tag), queue.text) or \
            re.search(r'href="(/staff/messages/\d+)"(?:(?!href=).)*?' + re.escape(c.tag), queue.text, re.S)
        expect(row, "the office's message queue does not show the message")
        page = row.group(1)
        form = office.form(page, page, c.balancer)
        housing = [v for v, t in form.options("DepartmentId") if "住房和城乡建设" in t]
        expect(housing, "the message page offers no housing bureau to assign it to")
        r = office.post(page, form.fill({"DepartmentId": housing[0], "Action": "Accept"}), c.balancer)
        expect(r.status == 302, f"accepting the message answered {r.status}")
        editor = c.user("editor.housing")
        r = editor.submit(page, page, {"Text": f"您好！幸福路路灯已于本周修复。{c.tag}", "Action": "DraftReply"}, c.balancer, c.balancer)
        expect(r.status == 302, f"drafting the reply answered {r.status}")
        expect(not mails_to(c, writer_address), "the writer was mailed before the reply was approved")
        r = office.submit(page, page, {"Action": "ApproveReply"}, c.balancer, c.balancer)
        expect(r.status == 302, f"approving the reply answered {r.status}")
        t0 = time.monotonic()
        while not mails_to(c, writer_address) and time.monotonic() - t0 < 30:
            time.sleep(0.2)
        arrived = time.monotonic() - t0
        expect(mails_to(c, writer_address), f"no mail to {writer_address} within 30 s of the approval")
        time.sleep(10)
        count = len(mails_to(c, writer_address))
        expect(count == 1, f"{count} mails to {writer_address}, not 1, 10 s after the first arrived")
        return f"arrived {arrived:.1f} s after the approval; still one 10 s later"
    outcome("6-outbox-mail-sent-once", mail)


def check_7(c):
    """The county that ran as a single node, its keys imported (run.sh): node 4, in cluster mode on its database,
    shows the identity numbers the single node sealed, whole on the office's case page, and none "（无法解密）"."""

    def sealed_numbers():
        b = Browser(c.county)
        b.sign_in("reviewer")
        listing = b.get("/cases")
        expect(listing.status == 200, f"/cases on node 4 answered {listing.status}")
        cases = list(dict.fromkeys(re.findall(r'href="(/cases/\d+)"', listing.text)))[:10]
        expect(cases, "node 4's /cases lists no case")
        shown, unreadable = [], []
        for path in cases:
            page = b.get(path)
            expect(page.status == 200, f"{path} on node 4 answered {page.status}")
            if "无法解密" in page.text:
                unreadable.append(path)
            m = re.search(r'<dt>证件号码</dt><dd class="mono">([0-9A-Z]{15,18})</dd>', page.text)
            if m:
                shown.append(m.group(1))
        expect(not unreadable, f"node 4 cannot decrypt what the single node sealed: {', '.join(unreadable)}")
        expect(shown, f"none of {len(cases)} cases on node 4 shows an identity number whole")
        return f"{len(shown)} of {len(cases)} cases show their identity number whole on node 4, none unreadable"

    outcome("7-single-node-becomes-a-cluster", sealed_numbers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", nargs=3, required=True)
    parser.add_argument("--balancer", required=True)
    parser.add_argument("--mail-file", required=True)
    parser.add_argument("--facts", required=True)
    parser.add_argument("--county", help="node 4: the single node's database in cluster mode (check 7)")
    parser.add_argument("checks", nargs="*", default=["1", "2", "3", "4", "6"])
    args = parser.parse_args()
    c = Cluster(args)
    note(f"run tag {c.tag}")
    try:
        c.discover()  # no check of its own: only its failure is reported
    except Exception as e:  # noqa: BLE001
        failed("setup-find-the-pages", f"{type(e).__name__}: {e}")
        return 1
    for check in args.checks:
        {"1": check_1, "2": check_2, "3": check_3, "4": check_4, "6": check_6, "7": check_7}[check](c)
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
