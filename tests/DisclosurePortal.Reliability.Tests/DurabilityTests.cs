using System.Net;
using DisclosurePortal.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace DisclosurePortal.Reliability.Tests;

/// <summary>
/// What the portal acknowledges, it keeps (docs/reliability.md): applicants submit /apply from several clients while
/// the portal is SIGKILLed twice in the middle of the stream and restarted on the same database; afterwards every
/// application that got its receipt (303 with a 查询码) is in the database, with its submission event, and /track finds it.
/// A process kill, not a power cut: it proves the app answers only after the commit, not what the disk does on power loss.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private const int AcknowledgedBetweenKills = 60;
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AcknowledgedApplications_SurviveSigkill_OnSqlite()
    {
        using var db = PortalDatabase.NewSqlite();
        await SubmitThroughKillsAsync(db);

        // The settings this rests on (ADR 22): the file is in WAL mode, and the connections the app opens run with
        // synchronous=FULL, the default of the bundled SQLite, which the app does not change (2 = FULL).
        Assert.Equal("wal", db.Scalar("PRAGMA journal_mode"));
        Assert.Equal("2", db.Scalar("PRAGMA synchronous"));
    }

    [Fact]
    public async Task AcknowledgedApplications_SurviveSigkill_OnPostgreSQL()
    {
        using var db = PortalDatabase.NewPostgres("kill");
        await SubmitThroughKillsAsync(db);
    }

    private async Task SubmitThroughKillsAsync(PortalDatabase db)
    {
        var port = Ports.Main;
        var portal = await PortalProcess.StartAsync(port, db.PortalSettings());
        await db.SetUpSiteAsync(); // a deployed portal has been set up (without it, /apply answers with the setup page)
        var stream = new ApplicationStream(portal.BaseAddress, Clients, "kill");
        using var stop = new CancellationTokenSource();
        var running = stream.RunAsync(stop.Token);
        var killedAt = new List<int>();
        try
        {
            for (var round = 1; round <= 2; round++)
            {
                await stream.WaitForAcknowledgedAsync(round * AcknowledgedBetweenKills, StreamTimeout);
                var pid = portal.ProcessId;
                portal.Kill();
                killedAt.Add(stream.AcknowledgedCount);
                Assert.True(portal.HasExited);
                await AssertNothingListensAsync(portal.BaseAddress);
                output.WriteLine($"round {round}: SIGKILL to pid {pid} after {killedAt[^1]} acknowledged, {stream.InDoubt} in doubt so far");
                await portal.DisposeAsync();
                portal = await PortalProcess.StartAsync(port, db.PortalSettings());
            }
            await stream.WaitForAcknowledgedAsync(killedAt[^1] + AcknowledgedBetweenKills / 2, StreamTimeout);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }

        var acknowledged = stream.Acknowledged.ToList();
        output.WriteLine($"{acknowledged.Count} acknowledged, {stream.InDoubt} in doubt (no answer), {stream.OtherAnswers.Count} other answers");
        Assert.Empty(stream.OtherAnswers);

        // The restarted portal shows the applications acknowledged just before each kill to their applicants.
        using (var client = new FormClient(portal.BaseAddress))
        {
            foreach (var code in killedAt.SelectMany(k => acknowledged.Take(k).TakeLast(3)))
            {
                using var track = await client.Http.GetAsync($"/track?code={code}");
                Assert.Equal(HttpStatusCode.OK, track.StatusCode);
                Assert.Contains(code, await track.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        await portal.DisposeAsync();

        var stored = db.StoredCases();
        var lost = acknowledged.Where(code => !stored.ContainsKey(code)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged applications are not in the database: {string.Join(", ", lost.Take(10))}");
        Assert.All(acknowledged, code => Assert.True(stored[code] >= 1, $"case {code} has no submission event"));
        // In-doubt submissions may or may not have been stored; nothing else may appear.
        Assert.InRange(stored.Count, acknowledged.Count, acknowledged.Count + stream.InDoubt);
    }

    private static async Task AssertNothingListensAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/healthz"));
    }
}
