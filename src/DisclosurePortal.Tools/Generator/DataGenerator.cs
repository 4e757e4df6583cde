using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosurePortal.Tools.Generator;

/// <summary>How much to generate.</summary>
internal sealed record GeneratorOptions(int Records, int Cases);

/// <summary>One timed phase of a run.</summary>
internal sealed record GeneratorPhase(string Name, TimeSpan Elapsed);

/// <summary>What a run made, as printed at its end.</summary>
internal sealed record GeneratorSummary(
    int Records, int Interpretations, int Cases, int Departments, int Items,
    string LargestDomain, string LargestStage, int LargestCount,
    int RareTitles, int CommonTitles, int MinBodyBytes, int MaxBodyBytes, long BodyBytes,
    IReadOnlyDictionary<ApplicationState, int> CaseStates, IReadOnlyList<GeneratorPhase> Phases);

/// <summary>
/// A statement list run after the rows are in, inside the load's transaction, and timed on its own. Triggers the load
/// did not fire (the search triggers are dropped for it) are made up for here; any other trigger-kept data that a
/// bulk load bypasses gets its backfill step in <see cref="DataGenerator.PostLoadSteps"/>.
/// </summary>
internal sealed record PostLoadStep(string Name, Func<DatabaseProvider, IReadOnlyList<string>> Statements);

/// <summary>
/// Fills an empty portal database with a province-sized, deterministic data set (docs/performance.md): 40 departments,
/// a catalogue over every domain and stage, N published records with interpretations (<see cref="RecordStream"/>),
/// application cases (<see cref="CaseStream"/>). One transaction; rows go in by the database's bulk path
/// (<see cref="IBulkWriter"/>) while a second thread generates the next chunk. The search triggers are dropped for the
/// load and the index is built once at the end from <see cref="SearchIndexSql"/>, its one definition; every other
/// trigger stays and fires.
/// </summary>
internal sealed class DataGenerator(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Fixed, so that the same N gives the same data (and the same largest column) on every machine.</summary>
    public const int Seed = 20261201;

    private const int ChunkSize = 2_000;

    /// <summary>After the rows, in this order, each timed.</summary>
    public static IReadOnlyList<PostLoadStep> PostLoadSteps { get; } =
    [
        new("search entries", p => ["DELETE FROM \"SearchEntries\";", .. SearchIndexSql.Backfill(p)]),
        new("full-text index", p => [.. SearchIndexSql.FullTextIndex(p), .. SearchIndexSql.RebuildFullTextIndex(p)]),
        new("facet index", SearchIndexSql.FacetIndex),
        new("search triggers", p => [.. SearchIndexSql.IndexTriggers(p), .. SearchIndexSql.SourceTriggers(p)]),
        new("published counts", p => [.. PublishedCountsSql.Recount(), .. PublishedCountsSql.Triggers(p)]),
    ];

    private readonly List<GeneratorPhase> _phases = [];

    public async Task<GeneratorSummary> RunAsync(GeneratorOptions options, TextWriter output, CancellationToken ct = default)
    {
        BulkTables.Verify(db.Model);
        if (await db.Departments.AnyAsync(ct) || await db.Records.AnyAsync(ct) || await db.ApplicationCases.AnyAsync(ct))
            throw new GeneratorException(
                "The database already holds departments, records or cases: the generator fills an empty one. " +
                "Point it at a new database (e.g. --Database:DataFolder=/tmp/new-folder, or a new PostgreSQL database).");

        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
            throw new GeneratorException("The generator fills SQLite and PostgreSQL databases only (its bulk load is written for them; docs/adr/0027).");
        var provider = db.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;
        var lastDay = clock.Today().AddDays(-1);
        var random = new Random(Seed);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var total = Stopwatch.StartNew();

        if (provider == DatabaseProvider.Sqlite) SqliteConnection.ClearAllPools(); // journal_mode needs the file to itself
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        try
        {
            var journal = await PrepareAsync(connection, provider, ct);
            output.WriteLine($"Generating {options.Records:N0} records and {options.Cases:N0} application cases into {provider} " +
                             $"(seed {Seed}, dates to {lastDay:yyyy-MM-dd}{journal})…");
            GeneratorSummary summary;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var dbTransaction = transaction.GetDbTransaction();
                foreach (var statement in SearchIndexSql.Uninstall(provider).Concat(PublishedCountsSql.Uninstall(provider)))
                    await ExecuteAsync(connection, dbTransaction, statement, ct);

                var phase = Stopwatch.StartNew();
                var catalogue = await GeneratedCatalogue.CreateAsync(db, random, clock.GetUtcNow(), ct);
                Done("catalogue", phase);

                using var writer = BulkWriter.For(connection, dbTransaction);
                var records = new RecordStream(catalogue, options.Records, lastDay, random);
                await LoadAsync("records", options.Records, records.Chunks(ChunkSize), chunk => chunk.Records.Count, chunk =>
                {
                    writer.Write(BulkTables.Records, chunk.Records);
                    writer.Write(BulkTables.RecordVersions, chunk.Versions);
                    writer.Write(BulkTables.InterpretationLinks, chunk.Links);
                    writer.Write(BulkTables.InterpretationQuestions, chunk.Questions);
                }, output, ct);

                var items = catalogue.Cells.SelectMany(c => c.Items).ToList();
                var cases = new CaseStream(catalogue.Departments, items, calendar, options.Cases, lastDay, new Random(Seed + 1));
                await LoadAsync("cases", options.Cases, cases.Chunks(ChunkSize), chunk => chunk.Cases.Count, chunk =>
                {
                    writer.Write(BulkTables.ApplicationCases, chunk.Cases);
                    writer.Write(BulkTables.ApplicationEvents, chunk.Events);
                }, output, ct);

                phase.Restart();
                writer.Write(BulkTables.IndexNumberCounters,
                    [.. records.IndexSerials.Select(s => new object?[] { s.Key.Organisation, s.Key.Year, s.Value })]);
                await writer.FinishAsync(ct);
                Done("counters and sequences", phase);

                foreach (var step in PostLoadSteps)
                {
                    phase.Restart();
                    foreach (var statement in step.Statements(provider)) await ExecuteAsync(connection, dbTransaction, statement, ct);
                    Done(step.Name, phase, output);
                }

                phase.Restart();
                await transaction.CommitAsync(ct);
                Done("commit", phase, output);
                summary = Summarise(options, catalogue, records.Statistics, cases.States);
            }

            // Statistics for the planner. PostgreSQL also VACUUMs: it sets the hint bits and the visibility map of the
            // million new rows now, rather than leaving the first readers (and autovacuum, mid-benchmark) to do it.
            var analyze = Stopwatch.StartNew();
            await ExecuteAsync(connection, null, provider == DatabaseProvider.Sqlite ? "ANALYZE; PRAGMA optimize;" : "VACUUM (ANALYZE);", ct);
            Done(provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE", analyze, output);
            await RestoreAsync(connection, provider, ct);
            _phases.Add(new GeneratorPhase("total", total.Elapsed));
            Print(summary, output);
            return summary;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQLite: a rollback journal instead of WAL for the load (new pages need no journal, so nothing is written twice),
    /// no fsync until the end, a large page cache; PostgreSQL: no waiting for the WAL flush, memory for the GIN build.
    /// </summary>
    private static async Task<string> PrepareAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            await ExecuteAsync(connection, null, "SET synchronous_commit = off; SET maintenance_work_mem = '1GB';", ct);
            return string.Empty;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, null, "PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY;", ct);
        return $", journal {mode}";
    }

    private static async Task RestoreAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            await ExecuteAsync(connection, null, "RESET synchronous_commit; RESET maintenance_work_mem;", ct);
            return;
        }
        // The portal's own settings (DatabaseInitializer): WAL, so readers do not wait for the writer.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -2000;", ct);
    }

    /// <summary>Generates chunks on a second thread while this one writes the previous chunk, and reports progress.</summary>
    private async Task LoadAsync<T>(string name, int expected, IEnumerable<T> chunks, Func<T, int> count, Action<T> write, TextWriter output, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in chunks) await channel.Writer.WriteAsync(chunk, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, stop.Token);
        var done = 0;
        var reported = TimeSpan.Zero;
        try
        {
            await foreach (var chunk in Chunks(channel.Reader, stop.Token))
            {
                write(chunk);
                done += count(chunk);
                if (watch.Elapsed - reported >= TimeSpan.FromSeconds(5))
                {
                    reported = watch.Elapsed;
                    output.WriteLine($"  {name} {done,12:N0} / {expected:N0}  {done / watch.Elapsed.TotalSeconds,9:N0}/s");
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(producer);
        }
        Done(name, watch, output, done);
    }

    /// <summary>The chunks as they come; a generator failure (e.g. <see cref="GeneratorException"/>) surfaces as itself.</summary>
    private static async IAsyncEnumerable<T> Chunks<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(ct)) yield break;
            }
            catch (ChannelClosedException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
            }
            while (reader.TryRead(out var chunk)) yield return chunk;
        }
    }

    private void Done(string name, Stopwatch watch, TextWriter? output = null, int rows = 0)
    {
        _phases.Add(new GeneratorPhase(name, watch.Elapsed));
        var rate = rows > 0 ? $" ({rows / watch.Elapsed.TotalSeconds:N0}/s)" : string.Empty;
        output?.WriteLine($"  {name}: {watch.Elapsed.TotalSeconds:N1} s{rate}");
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // a GIN index over a million bodies takes minutes
        await command.ExecuteNonQueryAsync(ct);
    }

    private GeneratorSummary Summarise(GeneratorOptions options, GeneratedCatalogue catalogue, RecordStatistics s, Dictionary<ApplicationState, int> states)
    {
        var largest = s.PerColumn.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Domain, StringComparer.Ordinal).First();
        return new GeneratorSummary(s.Records, s.Interpretations, options.Cases, catalogue.Departments.Count, catalogue.ItemCount,
            largest.Key.Domain, largest.Key.Stage, largest.Value, s.RareTitles, s.CommonTitles, s.MinBodyBytes, s.MaxBodyBytes, s.BodyBytes,
            states, _phases);
    }

    private static void Print(GeneratorSummary s, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Generated {s.Records:N0} published records ({s.Interpretations:N0} of them policy interpretations), " +
                         $"{s.Cases:N0} application cases, {s.Departments} departments, {s.Items} catalogue items.");
        output.WriteLine("Phases: " + string.Join(" · ", s.Phases.Select(p => $"{p.Name} {p.Elapsed.TotalSeconds:N1} s")));
        output.WriteLine($"Bodies: {s.MinBodyBytes:N0}–{s.MaxBodyBytes:N0} bytes, {s.BodyBytes / Math.Max(1, s.Records):N0} on average.");
        output.WriteLine($"Largest column: {s.LargestDomain} / {s.LargestStage} with {s.LargestCount:N0} published records " +
                         $"(page 2,000 at 20 a page {(s.LargestCount > 1_999 * 20 ? "exists" : "does not exist")}).");
        output.WriteLine($"Rare term: {GeneratedContent.RareTerm} in {s.RareTitles} titles · common term: {GeneratedContent.CommonTerm} in {s.CommonTitles:N0} titles.");
        // One line for scripts (tests/bench/run.sh reads it).
        output.WriteLine($"bench: domain={s.LargestDomain} stage={s.LargestStage} records={s.Records} rare={GeneratedContent.RareTerm} common={GeneratedContent.CommonTerm}");
    }
}
