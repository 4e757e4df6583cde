using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DisclosurePortal.Reliability.Tests.Support;

// A mixed load on the real portal for SOAK_SECONDS (default 600): citizens browsing and searching, applicants applying
// and tracking, an editor drafting and submitting records that a reviewer approves (three reviews, publish). At the end:
// requests, 5xx and p50/p99 per kind, peak memory, and whether every acknowledged write is in the database.
// Exit code 0 only with no 5xx, no transport errors and no lost write. Run by tests/bench/soak.sh.
//
// SOAK_URL (with SOAK_PG, the portal's PostgreSQL connection string) loads a portal that is already running instead,
// a cluster behind its balancer (tests/cluster/run.sh, check 5a): the portal's own limits stay on there, so a 429 is
// counted as limited, not as a failure; every failed request is written to SOAK_FAILURES (when it was sent, when it
// ended, what), for the caller to judge against what it did to the portal; the exit code then says only whether an
// acknowledged write was lost.
var seconds = Env("SOAK_SECONDS", 600);
var port = Env("SOAK_PORT", 5199);
var browsers = Env("SOAK_BROWSERS", 3);
var usePostgres = Environment.GetEnvironmentVariable("SOAK_DATABASE") == "postgresql";
var external = Environment.GetEnvironmentVariable("SOAK_URL") is { Length: > 0 } url ? new Uri(url) : null;
var failuresFile = Environment.GetEnvironmentVariable("SOAK_FAILURES") is { Length: > 0 } f ? f : null;

var stats = new Stats(failuresFile, limitedIsExpected: external is not null);
using var db = external is not null
    ? PortalDatabase.Existing(Environment.GetEnvironmentVariable("SOAK_PG") is { Length: > 0 } pg ? pg : throw new InvalidOperationException("SOAK_URL needs SOAK_PG, the portal's PostgreSQL connection string"))
    : usePostgres ? PortalDatabase.NewPostgres("soak") : PortalDatabase.NewSqlite();
PortalProcess? portal = null;
if (external is null)
{
    Console.Error.WriteLine($"soak: starting the portal ({PortalPaths.WebDll}) on {(usePostgres ? "PostgreSQL " + db.PgDatabase : db.SqliteFile)}, port {port}, demo data…");
    var started = Stopwatch.StartNew();
    portal = await PortalProcess.StartAsync(port, [.. db.PortalSettings(demoData: true, demoRecords: 1000), "--Logging:LogLevel:Default=Warning"], TimeSpan.FromMinutes(10));
    Console.Error.WriteLine($"soak: ready after {started.Elapsed.TotalSeconds:F0} s; load for {seconds} s");
}
else
{
    Console.Error.WriteLine($"soak: the portal at {external}, database {db.PgDatabase}; load for {seconds} s");
}
var baseAddress = portal?.BaseAddress ?? external!;

var (recordIds, domainCodes, departmentIds) = Targets(db);
string[] terms = ["通知", "补助", "危房改造", "公示", "青川县", "实施方案", "政策解读", "2025", "乡村振兴", "医疗"];
var applications = new ConcurrentQueue<string>();
var approvals = new ConcurrentQueue<int>();
var memory = new List<(double Minute, long RssMb)>();

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var load = Stopwatch.StartNew();
var workers = new List<Task>();
for (var i = 0; i < browsers; i++) workers.Add(Worker("browse", Browse));
workers.Add(Worker("search", Search));
workers.Add(Worker("apply", Apply));
workers.Add(Worker("track", Track));
workers.Add(Task.Run(Publish));
if (portal is not null) workers.Add(Task.Run(WatchMemory));
await Task.WhenAll(workers);
var elapsed = load.Elapsed;

// Every acknowledged write must be there (read straight from the database, not through the app).
var stored = db.StoredCases();
var lostApplications = applications.Count(code => !stored.ContainsKey(code));
var lostApprovals = approvals.Count(v => db.Scalar($"SELECT COUNT(*) FROM \"RecordVersions\" WHERE \"Id\" = {v} AND \"IsPublished\"") != "1");
var peakMb = portal is null ? 0 : Status(portal.ProcessId, "VmHWM") / 1024;
var rssMb = portal is null ? 0 : Status(portal.ProcessId, "VmRSS") / 1024;
if (portal is not null) await portal.StopAsync();

Console.WriteLine($"## Soak: {elapsed.TotalSeconds:F0} s on {(external is not null ? external.ToString() : usePostgres ? "PostgreSQL" : "SQLite")}, {browsers + 4} concurrent clients");
Console.WriteLine();
Console.WriteLine("| kind | requests | requests/s | 5xx | other non-2xx/3xx | transport errors | 429 (limited) | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (kind, k) in stats.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
    Console.WriteLine(FormattableString.Invariant($"| {kind} | {k.Count} | {k.Count / elapsed.TotalSeconds:F1} | {k.ServerErrors} | {k.Unexpected} | {k.TransportErrors} | {k.Limited} | {k.Percentile(50):F1} | {k.Percentile(99):F1} | {k.Percentile(100):F1} |"));
var all = stats.Kinds.Values.ToList();
Console.WriteLine(FormattableString.Invariant($"| **all** | {all.Sum(k => k.Count)} | {all.Sum(k => k.Count) / elapsed.TotalSeconds:F1} | {all.Sum(k => k.ServerErrors)} | {all.Sum(k => k.Unexpected)} | {all.Sum(k => k.TransportErrors)} | {all.Sum(k => k.Limited)} | | | |"));
Console.WriteLine();
Console.WriteLine($"Writes acknowledged: {applications.Count} applications (lost: {lostApplications}), {approvals.Count} records approved and published (lost: {lostApprovals}).");
if (portal is not null)
    Console.WriteLine($"Server memory: peak {peakMb} MB (VmHWM), {rssMb} MB resident at the end; resident by minute: {string.Join(", ", memory.Select(m => FormattableString.Invariant($"{m.Minute:F0}′ {m.RssMb}")))} MB.");
foreach (var (kind, k) in stats.Kinds) foreach (var example in k.Examples.Take(3)) Console.WriteLine($"  {kind}: {example}");
var lost = lostApplications + lostApprovals > 0;
if (external is not null)
{
    Console.WriteLine(lost ? "RESULT: FAILED (an acknowledged write is lost)" : "RESULT: ok (no acknowledged write lost; the failed requests are the caller's to judge)");
    return lost ? 1 : 0;
}
var failed = all.Sum(k => k.ServerErrors + k.TransportErrors + k.Unexpected) > 0 || lost;
Console.WriteLine(failed ? "RESULT: FAILED" : "RESULT: ok (no 5xx, no errors, no lost writes)");
return failed ? 1 : 0;

// ── the clients ─────────────────────────────────────────────────────────────────────────────────────────────────────
Task Worker(string kind, Func<FormClient, Random, Task> step) => Task.Run(async () =>
{
    using var client = new FormClient(baseAddress);
    var random = new Random();
    while (!stop.IsCancellationRequested)
    {
        try
        {
            await step(client, random);
        }
        catch (StepFailed)
        {
            // counted where it failed; the rest of this step's flow is skipped
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            if (stop.IsCancellationRequested) break;
            stats.Of(kind).Error(e.Message);
        }
    }
});

async Task Browse(FormClient client, Random random)
{
    var path = random.Next(10) switch
    {
        0 => "/",
        1 => $"/domains/{domainCodes[random.Next(domainCodes.Length)]}",
        2 => $"/departments/{departmentIds[random.Next(departmentIds.Length)]}",
        3 => "/departments",
        4 => "/feeds/all.atom",
        5 => "/statistics",
        _ => $"/records/{recordIds[random.Next(recordIds.Length)]}",
    };
    await Get(client, "browse", path);
}

async Task Search(FormClient client, Random random)
{
    var (response, _) = await Timed("search", () => client.Http.GetAsync($"/search?q={Uri.EscapeDataString(terms[random.Next(terms.Length)])}"), expect: HttpStatusCode.OK, "/search");
    if (response.StatusCode == HttpStatusCode.TooManyRequests) await Pause(200);
}

async Task Apply(FormClient client, Random random)
{
    var token = FormClient.Token(await Get(client, "apply", "/apply")) ?? throw new InvalidOperationException("no token on /apply");
    var (response, _) = await Timed("apply", () => client.PostAsync("/apply", token, Applicant.Form("soak")), expect: HttpStatusCode.SeeOther);
    if (Applicant.AcknowledgedCode(response) is { } code) applications.Enqueue(code);
    await Pause(100);
}

async Task Track(FormClient client, Random random)
{
    var known = applications.ToArray();
    if (known.Length == 0)
    {
        await Pause(500);
        return;
    }
    await Get(client, "track", $"/track?code={known[random.Next(known.Length)]}");
    await Pause(200);
}

// An editor drafts and submits a record; the review team takes the steps of the county's review chain (issue 21: one
// step a form, each by whoever of reviewer, reviewer2, reviewer3 and leader the review page offers it to), the last
// step publishing it (confirmed).
async Task Publish()
{
    using var editor = new FormClient(baseAddress);
    FormClient[] team = [new(baseAddress), new(baseAddress), new(baseAddress), new(baseAddress)];
    string[] teamNames = ["reviewer", "reviewer2", "reviewer3", "leader"];
    try
    {
        if (!await editor.SignInAsync("editor.housing", "Demo@2026pass"))
            throw new InvalidOperationException("the demo editor could not sign in");
        for (var i = 0; i < team.Length; i++)
            if (!await team[i].SignInAsync(teamNames[i], "Demo@2026pass"))
                throw new InvalidOperationException($"the demo {teamNames[i]} could not sign in");
        var form = await Get(editor, "publish", "/manage/records/new");
        var items = Regex.Matches(form[form.IndexOf("id=\"CatalogueItemId\"", StringComparison.Ordinal)..], "<option value=\"(\\d+)\"")
            .Select(m => m.Groups[1].Value).Take(5).ToArray();
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var page = await Get(editor, "publish", "/manage/records/new");
                var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var (created, _) = await Timed("publish", () => editor.PostAsync("/manage/records/new", Need(FormClient.Token(page)),
                [
                    new("CatalogueItemId", items[n % items.Length]), new("Kind", "8"), new("Title", $"青川县住房和城乡建设局关于老旧小区改造的公示（压测{++n}）"),
                    new("DocumentNumber", ""), new("IssuingOrgan", "青川县住房和城乡建设局"), new("WrittenOn", today), new("Validity", "1"),
                    new("DisclosureAttribute", "1"), new("Body", "### 一、改造范围\n\n乔庄镇滨河小区等三个小区。"), new("Intent", "save"),
                ]), expect: HttpStatusCode.Redirect);
                var recordPage = created.Headers.Location?.OriginalString ?? throw new InvalidOperationException("no record created");
                var record = await Get(editor, "publish", recordPage);
                await Timed("publish", () => editor.PostAsync($"{recordPage}/submit", Need(FormClient.Token(record)), [new("version", Need(FormClient.InputValue(record, "version")))]),
                    expect: HttpStatusCode.Redirect);

                var reviewed = await Get(team[0], "publish", recordPage);
                var review = Regex.Matches(reviewed, "/review/versions/(\\d+)").Select(m => m.Value).LastOrDefault()
                    ?? throw new InvalidOperationException($"the reviewer's {recordPage} links to no review page");
                for (var step = 0; step < 6; step++)
                {
                    FormClient? member = null;
                    var reviewPage = "";
                    foreach (var candidate in team)
                    {
                        reviewPage = await Get(candidate, "publish", review);
                        if (reviewPage.Contains($"action=\"{review}\"", StringComparison.Ordinal)) { member = candidate; break; }
                    }
                    if (member is null) throw new InvalidOperationException($"nobody of the review team is offered the form on {review}");
                    var confirm = reviewPage.Contains("name=\"ConfirmPublish\"", StringComparison.Ordinal);
                    List<KeyValuePair<string, string>> fields =
                    [
                        new("Version", Need(FormClient.InputValue(reviewPage, "Version"))), new("Step", Need(FormClient.InputValue(reviewPage, "Step"))),
                        new("Outcome", "1"), new("Comment", ""),
                    ];
                    if (confirm) fields.Add(new("ConfirmPublish", "true"));
                    await Timed("publish", () => member.PostAsync(review, Need(FormClient.Token(reviewPage)), fields), expect: HttpStatusCode.Redirect);
                    if (confirm)
                    {
                        approvals.Enqueue(int.Parse(review[(review.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture));
                        break;
                    }
                }
            }
            catch (StepFailed)
            {
                // counted where it failed
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                if (stop.IsCancellationRequested) break;
                stats.Of("publish").Error(e.Message);
            }
            await Pause(250);
        }
    }
    finally
    {
        foreach (var member in team) member.Dispose();
    }
}

async Task WatchMemory()
{
    while (!stop.IsCancellationRequested)
    {
        await Pause(60_000);
        lock (memory) memory.Add((load.Elapsed.TotalMinutes, Status(portal!.ProcessId, "VmRSS") / 1024));
    }
}

// ── measuring ───────────────────────────────────────────────────────────────────────────────────────────────────────
async Task<string> Get(FormClient client, string kind, string path)
{
    var (_, body) = await Timed(kind, () => client.Http.GetAsync(path), expect: HttpStatusCode.OK, path);
    return body;
}

// A request; one that failed is counted, then ends its flow (StepFailed), so that the steps after it are not failures
// of their own. A 429 is a failure too, except on a portal whose limits are on (SOAK_URL), where it only ends the flow.
async Task<(HttpResponseMessage Response, string Body)> Timed(string kind, Func<Task<HttpResponseMessage>> send, HttpStatusCode expect, string? what = null)
{
    var sent = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    HttpResponseMessage response;
    string body;
    try
    {
        response = await send();
        body = await response.Content.ReadAsStringAsync();
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
    {
        stats.Of(kind).Error(e.Message, sent, what);
        throw new StepFailed();
    }
    var ok = stats.Of(kind).Add(watch.Elapsed.TotalMilliseconds, (int)response.StatusCode, response.StatusCode == expect, what, sent);
    if (!ok && kind != "search") throw new StepFailed();
    return (response, body);
}

async Task Pause(int ms)
{
    try
    {
        await Task.Delay(ms, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // the soak is over
    }
}

static string Need(string? value) => value ?? throw new InvalidOperationException("a form field is missing");

static int Env(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

static long Status(int pid, string field)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

static (int[] Records, string[] Domains, int[] Departments) Targets(PortalDatabase db)
{
    using var connection = db.Open();
    List<T> Read<T>(string sql, Func<System.Data.Common.DbDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(map(reader));
        return list;
    }
    return ([.. Read("SELECT \"RecordId\" FROM \"RecordVersions\" WHERE \"IsPublished\"", r => r.GetInt32(0))],
        [.. Read("SELECT \"Code\" FROM \"Domains\"", r => r.GetString(0))],
        [.. Read("SELECT \"Id\" FROM \"Departments\"", r => r.GetInt32(0))]);
}

/// <summary>A request of a flow failed (and was counted): the flow stops there.</summary>
internal sealed class StepFailed : Exception;

/// <summary>Per kind of request: the latencies, and what went wrong (each failure also a line of the failures file).</summary>
internal sealed class Stats(string? failuresFile, bool limitedIsExpected)
{
    private readonly ConcurrentDictionary<string, Kind> _kinds = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, Kind> Kinds => _kinds;
    public Kind Of(string kind) => _kinds.GetOrAdd(kind, name => new Kind(name, this));
    private bool LimitedIsExpected => limitedIsExpected;

    private void Failed(DateTimeOffset sent, string kind, string what)
    {
        if (failuresFile is null) return;
        var line = FormattableString.Invariant($"{sent.ToUnixTimeMilliseconds()} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {kind} {what}\n");
        lock (this) File.AppendAllText(failuresFile, line);
    }

    internal sealed class Kind(string name, Stats stats)
    {
        private readonly List<double> _ms = [];
        private readonly ConcurrentQueue<string> _examples = new();
        private int _serverErrors, _unexpected, _transportErrors, _limited;

        public int Count { get { lock (_ms) return _ms.Count; } }
        public int ServerErrors => _serverErrors;
        public int Unexpected => _unexpected;
        public int TransportErrors => _transportErrors;
        public int Limited => _limited;
        public IEnumerable<string> Examples => _examples;

        /// <summary>Counts an answer; false if it is not the one expected.</summary>
        public bool Add(double ms, int status, bool expected, string? what, DateTimeOffset sent)
        {
            lock (_ms) _ms.Add(ms);
            if (expected) return true;
            if (status == 429 && stats.LimitedIsExpected)
            {
                Interlocked.Increment(ref _limited);
                return false;
            }
            if (status >= 500) Note(ref _serverErrors, $"{status} {what}");
            else Note(ref _unexpected, $"{status} {what}");
            stats.Failed(sent, name, $"{status} {what}");
            return false;
        }

        public void Error(string message, DateTimeOffset? sent = null, string? what = null)
        {
            Note(ref _transportErrors, message);
            stats.Failed(sent ?? DateTimeOffset.UtcNow, name, $"000 {what} {message}");
        }

        public double Percentile(double p)
        {
            lock (_ms)
            {
                if (_ms.Count == 0) return 0;
                var sorted = _ms.Order().ToList();
                return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
            }
        }

        private void Note(ref int counter, string example)
        {
            if (Interlocked.Increment(ref counter) <= 5) _examples.Enqueue(example);
        }
    }
}
