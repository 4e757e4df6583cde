using DisclosurePortal.Data;
using DisclosurePortal.Tools.Generator;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Generator;

/// <summary>The app on a fresh database (reference data only) that the generator has filled with a small data set.</summary>
public abstract class GeneratedPortal(TestDb db) : PortalFactory(db, demoData: false), IAsyncLifetime
{
    public const int Records = 2_000;
    public const int Cases = 500;

    internal GeneratorSummary Summary { get; private set; } = null!;

    /// <summary>What the generator printed.</summary>
    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        using var output = new StringWriter();
        Summary = await GenerateAsync(this, new GeneratorOptions(Records, Cases), output);
        Output = output.ToString();
    }

    /// <summary>Runs the generator on a factory's database (the host is built first: migrations and reference data).</summary>
    internal static async Task<GeneratorSummary> GenerateAsync(PortalFactory factory, GeneratorOptions options, TextWriter? output = null)
    {
        using var scope = factory.Services.CreateScope();
        var generator = new DataGenerator(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        return await generator.RunAsync(options, output ?? TextWriter.Null);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class GeneratedSqlitePortal() : GeneratedPortal(TestDb.Sqlite);

public sealed class GeneratedPostgresPortal() : GeneratedPortal(TestDb.Postgres);
