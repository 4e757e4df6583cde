using System.Globalization;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Seed;

namespace DisclosurePortal.Tools.Generator;

/// <summary>
/// A verb of DisclosurePortal.Tools: <c>generate [--records N] [--cases N] [--Key=value …]</c> fills the configured database with
/// generated data and exits (README, docs/performance.md). Program.cs asks <see cref="From"/> before it builds the host:
/// the generator's own options are taken out, everything else (--Database:…, --ConnectionStrings:…) goes to the host,
/// so the generator writes exactly where the portal would read. Demo data is always off: the generator makes its own.
/// </summary>
internal sealed class GenerateCommand : ToolVerb
{
    public const string Verb = "generate";
    public const int DefaultRecords = 1_000_000;
    public const int MinRecords = GeneratedContent.RareTermRecords;
    public const int MaxRecords = 5_000_000;
    public const int MaxCases = 1_000_000;

    public const string Usage = """
        Usage: DisclosurePortal.Tools generate [--records N] [--cases N] [--Database:Provider=…] [--ConnectionStrings:Portal=…] [--Database:DataFolder=…]
          --records N   published records to generate, 20 to 5,000,000 (default 1,000,000; policy interpretations included)
          --cases N     application cases, 0 to 1,000,000 (default: a tenth of the records)
        The database must be empty (a new SQLite folder or a new PostgreSQL database); migrations and reference data are applied first.
        """;

    /// <summary>The host's arguments (<see cref="ToolVerb.HostArguments"/>) are the caller's configuration, and demo data off.</summary>
    private GenerateCommand(GeneratorOptions? options, VerbArguments arguments) : base(arguments) => Options = options;

    public GeneratorOptions? Options { get; }

    /// <summary>The command, when the first argument is the verb; null for a normal start of the portal.</summary>
    public static GenerateCommand? From(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb) return null;
        int? records = null, cases = null;
        var arguments = VerbArguments.Parse(args, Usage, ["--records", "--cases"], (name, value) =>
        {
            var (min, max) = name == "--records" ? (MinRecords, MaxRecords) : (0, MaxCases);
            if (!int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                return $"{name} must be a whole number from {min:N0} to {max:N0} (got {(value is null ? "nothing" : $"'{value}'")}).";
            if (name == "--records") records = n; else cases = n;
            return null;
        });
        if (arguments.Error is not null || arguments.Help) return new GenerateCommand(null, arguments);
        var recordCount = records ?? DefaultRecords;
        arguments.HostArguments.Add("--Seed:DemoData=false");
        return new GenerateCommand(new GeneratorOptions(recordCount, cases ?? recordCount / 10), arguments);
    }

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
