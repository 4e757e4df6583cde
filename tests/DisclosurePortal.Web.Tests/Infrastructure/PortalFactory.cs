using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Tests.Infrastructure.SqlServerTranslation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database (one per factory), with the demo data seeded unless told otherwise: a copy of a
/// database the app migrated and seeded once in this run (<see cref="SeededDatabases"/>).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public PortalFactory(TestDb db, bool demoData = true, int demoRecords = 1000, bool outputCache = true)
        : this(db, SeededDatabases.Copy(db, demoData, demoRecords), demoData, demoRecords, outputCache)
    {
    }

    /// <summary>
    /// The app on the given database: <see cref="PortalDatabase.Fresh"/> for one its start migrates and seeds. The factory
    /// drops the database when it is disposed, unless <paramref name="ownsDatabase"/> is false (several apps on one).
    /// </summary>
    protected internal PortalFactory(TestDb db, PortalDatabase database, bool demoData = true, int demoRecords = 1000, bool outputCache = true, bool ownsDatabase = true)
    {
        _database = ownsDatabase ? database : null;
        Db = db;
        DemoData = demoData;
        DemoRecords = demoRecords;
        OutputCache = outputCache;
        ConnectionString = database.ConnectionString;
        AttachmentsFolder = database.AttachmentsFolder;
    }

    public TestDb Db { get; }
    public bool DemoData { get; }
    public int DemoRecords { get; }
    /// <summary>The output cache (on by default, as in production); off for tests that look at what a page asks the database.</summary>
    public bool OutputCache { get; }
    public string ConnectionString { get; }
    public SqlCommandCounter Commands { get; } = new();
    /// <summary>Every query shape the app runs is also translated for SQL Server (Infrastructure/SqlServerTranslation).</summary>
    public SqlServerTranslationProbe SqlServerTranslation { get; } = new();
    public string AttachmentsFolder { get; }

    /// <summary>
    /// The app's clock (its <see cref="TimeProvider"/>): the real time when the factory was made, then on by a millisecond
    /// at every reading, so that the instants the app takes still differ and keep their order. Tests take "now" and
    /// "today" from it, so that they agree with the app's even across midnight, and move it on with Advance.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabases.ProviderName(Db));
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Seed:DemoData", DemoData ? "true" : "false");
        builder.UseSetting("Storage:AttachmentsFolder", AttachmentsFolder);
        builder.UseSetting("Seed:DemoRecords", DemoRecords.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OutputCache:Enabled", OutputCache ? "true" : "false");
        // The reminder job (ADR 35) runs when a test calls it, with the test clock; never by itself beside another test.
        builder.UseSetting("Reminders:RunInBackground", "false");
        // The test server has no client address: every request of a factory shares one window. Tests of the limits
        // themselves set low ones (Security/RateLimitTests); apply and track keep their defaults (Apply/ApplySupport).
        builder.UseSetting("RateLimits:Login:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Search:PermitLimit", "100000");
        // Keyset anchors every two pages, not every 50 (issue 23): the demo's listings then page through them.
        builder.UseSetting("Paging:AnchorEveryRows", "40");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock).AddSingleton(SqlServerTranslation).ConfigureDbContext<PortalDbContext>(o =>
        {
            o.AddInterceptors(Commands);
            // DP_SQLSERVER_TRANSLATION=off only to measure what the translation costs (docs/testing.md).
            if (Environment.GetEnvironmentVariable("DP_SQLSERVER_TRANSLATION") != "off") o.TranslateForSqlServer();
        }));
    }

    private bool _translationReported;
    private PortalDatabase? _database;

    /// <summary>
    /// A query SQL Server cannot translate already failed the request that ran it (a 500); this fails the test class
    /// too, with the query and SQL Server's error, in case that request was one no assertion looked at.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Interlocked.Exchange(ref _database, null) is { } database) database.Drop(Db);
        if (_translationReported || SqlServerTranslation.Failures is not { Count: > 0 } failures) return;
        _translationReported = true;
        throw new InvalidOperationException(
            $"{failures.Count} quer{(failures.Count == 1 ? "y" : "ies")} the app ran cannot be translated for SQL Server:\n\n"
            + string.Join("\n\n", failures));
    }

    /// <summary>
    /// A DbContext on the same database, for arranging data and checking what the app wrote. What a test saves through
    /// it evicts the app's cached pages as the app's own saves do (the same interceptor), so pages show the arranged data.
    /// </summary>
    public PortalDbContext NewDbContext()
    {
        return DatabaseSetup.CreateContext(
            TestDatabases.Provider(Db),
            ConnectionString, options => options.AddInterceptors(Services.GetRequiredService<PublicPageChanges>()));
    }
}

public sealed class SqlitePortal() : PortalFactory(TestDb.Sqlite);

public sealed class PostgresPortal() : PortalFactory(TestDb.Postgres);

/// <summary>The app with the output cache off (<c>--OutputCache:Enabled=false</c>): every page is computed.</summary>
public sealed class UncachedSqlitePortal() : PortalFactory(TestDb.Sqlite, outputCache: false);

public sealed class UncachedPostgresPortal() : PortalFactory(TestDb.Postgres, outputCache: false);

/// <summary>The app with reference data only (no demo county), for tests that arrange everything themselves.</summary>
public sealed class EmptySqlitePortal() : PortalFactory(TestDb.Sqlite, demoData: false);

public sealed class EmptyPostgresPortal() : PortalFactory(TestDb.Postgres, demoData: false);

/// <summary>The app on a database of its own that its start migrates and seeds, not a copy: for the tests of the seeding itself.</summary>
public sealed class FreshSqlitePortal() : PortalFactory(TestDb.Sqlite, PortalDatabase.Fresh(TestDb.Sqlite));

public sealed class FreshPostgresPortal() : PortalFactory(TestDb.Postgres, PortalDatabase.Fresh(TestDb.Postgres));
