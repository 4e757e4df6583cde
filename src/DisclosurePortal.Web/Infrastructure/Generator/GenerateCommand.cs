using System.CommandLine;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Data.Seed;

namespace DisclosurePortal.Web.Infrastructure.Generator;

/// <summary>
/// The web app's second verb: <c>generate [--records N] [--cases N] [--Key=value …]</c> fills the configured database with
/// generated data and exits (README, docs/performance.md). Program.cs asks <see cref="From"/> before it builds the host:
/// the generator's own options are taken out, everything else (--Database:…, --ConnectionStrings:…) goes to the host,
/// so the generator writes exactly where the portal would read. Demo data is always off: the generator makes its own.
/// </summary>
internal sealed class GenerateCommand
{
    public const string Verb = "generate";
    public const int DefaultRecords = 1_000_000;
    public const int MinRecords = GeneratedContent.RareTermRecords;
    public const int MaxRecords = 5_000_000;
    public const int MaxCases = 1_000_000;

    private GenerateCommand(GeneratorOptions? options, VerbCommandLine arguments)
    {
        Options = options;
        Arguments = arguments;
    }

    public GeneratorOptions? Options { get; }

    private VerbCommandLine Arguments { get; }

    /// <summary>The arguments for the host: the caller's configuration, and demo data off.</summary>
    public string[] HostArguments => [.. Arguments.HostArguments];

    /// <summary>Why the arguments cannot be used (with the usage), or null.</summary>
    public string? Error => Arguments.Error;

    /// <summary>The command, when the first argument is the verb; null for a normal start of the portal.</summary>
    public static GenerateCommand? From(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb) return null;
        var records = VerbCommandLine.Count("--records", MinRecords, MaxRecords,
            "published records to generate (default 1,000,000; policy interpretations included)");
        var cases = VerbCommandLine.Count("--cases", 0, MaxCases, "application cases (default: a tenth of the records)");
        var verb = new Command(Verb, """
            Fills the configured database with generated data and exits. The database must be empty (a new SQLite folder
            or a new PostgreSQL database); migrations and reference data are applied first. Host settings
            (--Database:Provider=…, --ConnectionStrings:Portal=…, --Database:DataFolder=…) choose the database.
            """) { records, cases };
        var arguments = VerbCommandLine.Parse(verb, args);
        if (arguments.Error is not null || arguments.Help) return new GenerateCommand(null, arguments);
        var recordCount = arguments.Result.GetValue(records) ?? DefaultRecords;
        arguments.HostArguments.Add("--Seed:DemoData=false");
        return new GenerateCommand(new GeneratorOptions(recordCount, arguments.Result.GetValue(cases) ?? recordCount / 10), arguments);
    }

    /// <summary>Before the host is built: usage or an argument error, with the process exit code; null to go on.</summary>
    public int? ExitBeforeHost() => Arguments.ExitBeforeHost();

    /// <summary>Applies the migrations and reference data, generates, prints the summary. 0 on success, 1 when the generator refuses.</summary>
    public async Task<int> RunAsync(IServiceProvider services)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancel.Token);
            var generator = new DataGenerator(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
            await generator.RunAsync(Options!, Console.Out, cancel.Token);
            return 0;
        }
        catch (GeneratorException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled: nothing was written (the load is one transaction).");
            return 130;
        }
    }
}
