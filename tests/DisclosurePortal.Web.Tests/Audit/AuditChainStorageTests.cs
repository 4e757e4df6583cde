using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.AdminAudit;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.Web.Tests.Audit;

/// <summary>
/// The audit chain in the database (docs/adr/0023), on a fresh migrated database per test: tampering breaks the chain
/// for good, so no test shares one. Tampering is done as a database owner would: drop the triggers, then raw SQL.
/// </summary>
public abstract class AuditChainStorageTests(TestDb db) : IDisposable
{
    private readonly OwnedDatabases _databases = new(db);

    public void Dispose() => _databases.Dispose();

    private DatabaseProvider Provider => TestDatabases.Provider(db);

    /// <summary>When the events happen and the chain is checked: a second on at every reading.</summary>
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

    private async Task<string> NewDatabaseAsync()
    {
        var connectionString = _databases.Create("auditchain");
        await using var context = Context(connectionString);
        await context.Database.MigrateAsync();
        return connectionString;
    }

    private PortalDbContext Context(string connectionString)
    {
        return DatabaseSetup.CreateContext(Provider, connectionString);
    }

    private AuditEvent Event(string summary, string entityId = "1") =>
        new(clock.GetUtcNow(), "测试管理员", "test.write", "Test", entityId, summary, "admin-1");

    /// <summary>Writes events one save each, returning them in chain order.</summary>
    private async Task<List<AuditEvent>> WriteAsync(string connectionString, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var context = Context(connectionString);
            context.AuditEvents.Add(Event($"第{i + 1}个事件"));
            await context.SaveChangesAsync();
        }
        return await EventsAsync(connectionString);
    }

    private async Task<List<AuditEvent>> EventsAsync(string connectionString)
    {
        await using var context = Context(connectionString);
        return await context.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<AuditChainReport> CheckAsync(string connectionString)
    {
        await using var context = Context(connectionString);
        return await AuditChainCheck.RunAsync(context, clock.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>Runs SQL as the database's owner: the append-only triggers dropped first.</summary>
    private async Task TamperAsync(string connectionString, params string[] statements)
    {
        await using var context = Context(connectionString);
        foreach (var statement in AuditChainSql.Uninstall(Provider).Concat(statements))
            await context.Database.ExecuteSqlRawAsync(statement);
    }

    [Fact]
    public async Task EventsSavedAloneTogetherAndInATransaction_FormOneChain_ThatVerifies()
    {
        var cs = await NewDatabaseAsync();
        await WriteAsync(cs, 2);
        await using (var context = Context(cs))
        {
            context.AuditEvents.AddRange(Event("同一次保存 甲"), Event("同一次保存 乙"), Event("同一次保存 丙"));
            await context.SaveChangesAsync();
        }
        await using (var context = Context(cs))
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            context.AuditEvents.Add(Event("事务中第一次保存"));
            await context.SaveChangesAsync();
            context.AuditEvents.Add(Event("事务中第二次保存"));
            await context.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var events = await EventsAsync(cs);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], events.Select(e => e.Sequence));
        Assert.Null(events[0].PreviousHash);
        for (var i = 1; i < events.Count; i++) Assert.Equal(events[i - 1].Hash, events[i].PreviousHash);
        Assert.All(events, e => Assert.Equal(AuditChain.HashOf(e), e.Hash));
        var report = await CheckAsync(cs);
        Assert.True(report.Intact, report.Break?.ToString());
        Assert.Equal((7L, 7L, events[^1].Hash), (report.Checked, report.HeadSequence, report.HeadHash));
    }

    /// <summary>
    /// A save that fails on another writer's change (a concurrency token) after its event was chained must leave the
    /// context as it found it: the same context (a pooled one, or a handler that tries again) then chains its next event.
    /// EF Core reports this failure through ThrowingConcurrencyException, not SaveChangesFailed.
    /// </summary>
    [Fact]
    public async Task ASaveRefusedOnAConcurrencyToken_LeavesTheContextAbleToChainItsNextEvent()
    {
        var cs = await NewDatabaseAsync();
        int columnId;
        await using (var context = Context(cs))
        {
            var column = DisclosureColumn.Create("财政预决算", null, null, null, 1);
            context.Columns.Add(column);
            context.AuditEvents.Add(Event("新建栏目"));
            await context.SaveChangesAsync();
            columnId = column.Id;
        }

        await using var stale = Context(cs);
        var seen = await stale.Columns.SingleAsync(c => c.Id == columnId);
        await using (var other = Context(cs))
        {
            (await other.Columns.SingleAsync(c => c.Id == columnId)).Rename("财政预决算信息", null, null);
            other.AuditEvents.Add(Event("他人改名"));
            await other.SaveChangesAsync();
        }
        seen.Rename("财政信息", null, null);
        stale.AuditEvents.Add(Event("过时的改名"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());

        stale.ChangeTracker.Clear(); // what a handler does before trying again, and the pool before lending it out
        stale.AuditEvents.Add(Event("同一上下文的下一个事件"));
        await stale.SaveChangesAsync();

        var events = await EventsAsync(cs);
        Assert.Equal(["新建栏目", "他人改名", "同一上下文的下一个事件"], events.Select(e => e.Summary));
        Assert.Equal([1L, 2, 3], events.Select(e => e.Sequence));
        var report = await CheckAsync(cs);
        Assert.True(report.Intact, report.Break?.ToString());
    }

    [Fact]
    public async Task ChangedSummary_IsReportedAtExactlyThatEvent()
    {
        var cs = await NewDatabaseAsync();
        var events = await WriteAsync(cs, 5);
        var target = events[2];

        await TamperAsync(cs, $"UPDATE \"AuditEvents\" SET \"Summary\" = '改过的摘要' WHERE \"Id\" = {target.Id}");

        var report = await CheckAsync(cs);
        Assert.Equal((AuditChainBreakKind.ContentChanged, target.Id, 3L), (report.Break!.Kind, report.Break.EventId, report.Break.Sequence));
        Assert.Equal(2, report.Checked);
    }

    [Fact]
    public async Task DeletedMiddleEvent_IsReportedAsMissing_JustBeforeTheNextEvent()
    {
        var cs = await NewDatabaseAsync();
        var events = await WriteAsync(cs, 5);

        await TamperAsync(cs, $"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {events[2].Id}");

        var found = (await CheckAsync(cs)).Break!;
        Assert.Equal((AuditChainBreakKind.Missing, events[3].Id, 3L, 3L), (found.Kind, found.EventId, found.MissingFrom, found.MissingTo));
    }

    [Fact]
    public async Task DeletedAndRenumbered_IsReportedAsABrokenLink()
    {
        var cs = await NewDatabaseAsync();
        var events = await WriteAsync(cs, 5);

        await TamperAsync(cs,
            $"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {events[2].Id}",
            $"UPDATE \"AuditEvents\" SET \"Sequence\" = \"Sequence\" - 1 WHERE \"Id\" = {events[3].Id}",
            $"UPDATE \"AuditEvents\" SET \"Sequence\" = \"Sequence\" - 1 WHERE \"Id\" = {events[4].Id}",
            "UPDATE \"AuditChainHeads\" SET \"Sequence\" = 4");

        var found = (await CheckAsync(cs)).Break!;
        Assert.Equal((AuditChainBreakKind.LinkBroken, events[3].Id), (found.Kind, found.EventId));
    }

    [Fact]
    public async Task SwappedEvents_AreReportedAsReordered_AtTheFirstOneOutOfPlace()
    {
        var cs = await NewDatabaseAsync();
        var events = await WriteAsync(cs, 5);
        var (second, third) = (events[1], events[2]);

        await TamperAsync(cs,
            $"UPDATE \"AuditEvents\" SET \"Sequence\" = -1 WHERE \"Id\" = {second.Id}",
            $"UPDATE \"AuditEvents\" SET \"Sequence\" = 2 WHERE \"Id\" = {third.Id}",
            $"UPDATE \"AuditEvents\" SET \"Sequence\" = 3 WHERE \"Id\" = {second.Id}");

        var found = (await CheckAsync(cs)).Break!;
        Assert.Equal((AuditChainBreakKind.Reordered, third.Id, 2L, second.Id), (found.Kind, found.EventId, found.Sequence, found.PredecessorId));
    }

    [Fact]
    public async Task DeletedLastEvent_IsFoundByTheHead()
    {
        var cs = await NewDatabaseAsync();
        var events = await WriteAsync(cs, 4);

        await TamperAsync(cs, $"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {events[^1].Id}");

        var report = await CheckAsync(cs);
        Assert.Equal((AuditChainBreakKind.TailMissing, events[^2].Id, 4L, 4L), (report.Break!.Kind, report.Break.EventId, report.Break.MissingFrom, report.Break.MissingTo));
        Assert.Equal(3, report.Checked);
    }

    [Fact]
    public async Task ConcurrentWriters_ProduceOneUnbrokenChain()
    {
        var cs = await NewDatabaseAsync();
        const int Writers = 8, SavesEach = 5;

        await Task.WhenAll(Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            for (var save = 1; save <= SavesEach; save++)
            {
                await using var context = Context(cs);
                context.AuditEvents.Add(Event($"写入者{writer} 第{save}次", writer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (save % 2 == 0) context.AuditEvents.Add(Event($"写入者{writer} 第{save}次（附带）"));
                await context.SaveChangesAsync();
            }
        })));

        var events = await EventsAsync(cs);
        var expected = Writers * (SavesEach + SavesEach / 2);
        Assert.Equal(Enumerable.Range(1, expected).Select(n => (long)n), events.Select(e => e.Sequence));
        var report = await CheckAsync(cs);
        Assert.True(report.Intact, report.Break?.ToString());
        Assert.Equal(expected, report.Checked);
    }

    [Fact]
    public async Task ASaveThatFails_GivesUpItsPlaceInTheChain()
    {
        var cs = await NewDatabaseAsync();
        await WriteAsync(cs, 2);
        await using (var context = Context(cs))
        {
            // Two departments of one name: the unique index refuses the save, after the chain gave its event a place.
            context.Departments.Add(new Department("重名测试局", "重名一", "11510000000000001X", "重测一", 1));
            context.Departments.Add(new Department("重名测试局", "重名二", "11510000000000002X", "重测二", 2));
            context.AuditEvents.Add(Event("随失败的保存一起撤销"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        var events = await WriteAsync(cs, 1);
        Assert.Equal([1L, 2, 3], events.Select(e => e.Sequence));
        Assert.DoesNotContain(events, e => e.Summary == "随失败的保存一起撤销");
        Assert.True((await CheckAsync(cs)).Intact);
    }

    [Fact]
    public async Task TheInterceptorRegisteredTwice_ChainsEachEventOnce()
    {
        var cs = await NewDatabaseAsync();
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, Provider, cs);
        options.AddInterceptors(AuditChainInterceptor.Instance); // as a test host built on another host does
        for (var save = 0; save < 2; save++)
        {
            await using var twice = PortalDbContext.Create(Provider, options.Options);
            twice.AuditEvents.AddRange(Event("甲"), Event("乙"));
            await twice.SaveChangesAsync();
        }

        Assert.Equal([1L, 2, 3, 4], (await EventsAsync(cs)).Select(e => e.Sequence));
        Assert.True((await CheckAsync(cs)).Intact);
    }

    [Fact]
    public async Task ChangingOrDeletingAnEventThroughEf_Throws_AndChangesNothing()
    {
        var cs = await NewDatabaseAsync();
        var before = await WriteAsync(cs, 2);

        await using (var context = Context(cs))
        {
            var e = await context.AuditEvents.OrderBy(x => x.Sequence).FirstAsync();
            context.Entry(e).Property(x => x.Summary).CurrentValue = "改过的摘要";
            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
            Assert.Contains("append-only", changed.Message, StringComparison.Ordinal);
        }
        await using (var context = Context(cs))
        {
            context.AuditEvents.Remove(await context.AuditEvents.OrderBy(x => x.Sequence).FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        }

        Assert.Equal(before.Select(e => (e.Id, e.Summary, e.Hash)), (await EventsAsync(cs)).Select(e => (e.Id, e.Summary, e.Hash)));
        Assert.True((await CheckAsync(cs)).Intact);
    }

    [Fact]
    public async Task TheDatabase_RefusesRawUpdatesDeletesAndUnchainedInserts()
    {
        var cs = await NewDatabaseAsync();
        var events = await WriteAsync(cs, 2);
        await using var context = Context(cs);

        foreach (var sql in new[]
        {
            $"UPDATE \"AuditEvents\" SET \"Summary\" = '改过的摘要' WHERE \"Id\" = {events[0].Id}",
            $"UPDATE \"AuditEvents\" SET \"Hash\" = NULL WHERE \"Id\" = {events[0].Id}",
            $"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {events[1].Id}",
            "INSERT INTO \"AuditEvents\" (\"Sequence\", \"OccurredAt\", \"ActorName\", \"Action\", \"EntityType\", \"EntityId\") VALUES (3, '2026-12-01 00:00:00+00:00', '外来者', 'x', 'Test', '1')",
        })
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
        if (db == TestDb.Postgres)
            Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEvents\""))).Message, StringComparison.Ordinal);

        Assert.Equal(events.Select(e => (e.Id, e.Summary, e.Hash)), (await EventsAsync(cs)).Select(e => (e.Id, e.Summary, e.Hash)));
    }

    [Fact]
    public async Task EventsFromBeforeTheChain_AreSealedInIdOrderOnStart_AndTheChainGoesOnFromThem()
    {
        var cs = _databases.Create("auditlegacy");
        await using (var context = Context(cs))
        {
            // As the hand-written AuditChain migration left a database: events numbered in Id order, unhashed, and the
            // head counting them (the append-only triggers, which refuse an unhashed event, are set aside to write them).
            await context.Database.MigrateAsync();
            foreach (var statement in AuditChainSql.Uninstall(Provider))
                await context.Database.ExecuteSqlRawAsync(statement);
            foreach (var (hour, summary) in new[] { (1, "旧事件一"), (2, "旧事件二"), (3, "旧事件三") })
            {
                var at = new DateTimeOffset(2026, 11, 30, hour, 0, 0, TimeSpan.Zero);
                await context.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"AuditEvents\" (\"Sequence\", \"OccurredAt\", \"ActorName\", \"Action\", \"EntityType\", \"EntityId\", \"Summary\") VALUES ({hour}, {at}, '旧管理员', 'legacy', 'Test', '1', {summary})");
            }
            await context.Database.ExecuteSqlRawAsync("UPDATE \"AuditChainHeads\" SET \"Sequence\" = 3, \"LastHash\" = NULL");
            foreach (var statement in AuditChainSql.Install(Provider))
                await context.Database.ExecuteSqlRawAsync(statement);
            Assert.Equal([(1L, "旧事件一"), (2L, "旧事件二"), (3L, "旧事件三")],
                await context.AuditEvents.OrderBy(e => e.Id).Select(e => new ValueTuple<long, string?>(e.Sequence, e.Summary)).ToListAsync());
            Assert.False((await AuditChainCheck.RunAsync(context, clock.GetUtcNow(), CancellationToken.None)).Intact); // not sealed yet

            await AuditChainHead.SealOnStartAsync(context, CancellationToken.None);
            await AuditChainHead.SealOnStartAsync(context, CancellationToken.None); // once only
        }

        var sealedReport = await CheckAsync(cs);
        Assert.True(sealedReport.Intact, sealedReport.Break?.ToString());
        Assert.Equal(3, sealedReport.Checked);
        var events = await WriteAsync(cs, 1);
        Assert.Equal((4L, events[2].Hash), (events[3].Sequence, events[3].PreviousHash));
        Assert.True((await CheckAsync(cs)).Intact);
    }
}

public sealed class AuditChainStorageOnSqlite() : AuditChainStorageTests(TestDb.Sqlite);

public sealed class AuditChainStorageOnPostgres() : AuditChainStorageTests(TestDb.Postgres);
