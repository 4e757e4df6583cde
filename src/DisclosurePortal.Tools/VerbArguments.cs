namespace DisclosurePortal.Tools;

/// <summary>
/// The command line of the tools' verbs (<c>generate</c>, <c>backup</c>): the verb, its own options
/// (<c>--name value</c> or <c>--name=value</c>), <c>--help</c>, and host settings passed on to the host as the portal
/// itself takes them (<c>--Section:Key[=]value</c>, <c>--environment</c>, <c>--contentRoot</c>, <c>--applicationName</c>).
/// </summary>
internal sealed class VerbArguments
{
    private static readonly string[] HostOptions = ["--environment", "--contentRoot", "--applicationName"];

    private VerbArguments(string usage, List<string> host, string? error, bool help)
    {
        Usage = usage;
        HostArguments = host;
        Error = error is null ? null : error + Environment.NewLine + usage;
        Help = help;
    }

    public string Usage { get; }

    /// <summary>The arguments for the host (the verb's own options taken out).</summary>
    public List<string> HostArguments { get; }

    /// <summary>Why the arguments cannot be used (with the usage), or null.</summary>
    public string? Error { get; }

    public bool Help { get; }

    /// <summary>
    /// Reads the arguments after the verb. <paramref name="take"/> gets each of the verb's <paramref name="options"/>
    /// with its value (null when none follows) and returns an error message, or null when the value is good.
    /// </summary>
    public static VerbArguments Parse(string[] args, string usage, IReadOnlyCollection<string> options, Func<string, string?, string?> take)
    {
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (name is "--help" or "-h") return new VerbArguments(usage, [], null, help: true);
            if (options.Contains(name))
            {
                if (take(name, inline ?? (i + 1 < args.Length ? args[++i] : null)) is { } error) return Failed(usage, error);
                continue;
            }
            if (name.StartsWith("--", StringComparison.Ordinal) && (name.Contains(':', StringComparison.Ordinal) || HostOptions.Contains(name, StringComparer.OrdinalIgnoreCase)))
            {
                host.Add(arg);
                if (inline is null && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) host.Add(args[++i]);
                continue;
            }
            return Failed(usage, $"Unknown argument '{arg}'.");
        }
        return new VerbArguments(usage, host, null, help: false);
    }

    /// <summary>The same arguments, refused for a reason found after reading them all.</summary>
    public VerbArguments Refuse(string error) => Failed(Usage, error);

    private static VerbArguments Failed(string usage, string error) => new(usage, [], error, help: false);

    /// <summary>Before the host is built: the usage (0) or an argument error (2); null to go on.</summary>
    public int? ExitBeforeHost()
    {
        if (Help)
        {
            Console.Out.WriteLine(Usage);
            return 0;
        }
        if (Error is null) return null;
        Console.Error.WriteLine(Error);
        return 2;
    }
}

/// <summary>What every verb of the tools has: its parsed arguments, the host's share of them, and the early exit.</summary>
internal abstract class ToolVerb(VerbArguments arguments)
{
    protected VerbArguments Arguments { get; } = arguments;

    /// <summary>The arguments for the host (the verb's own options taken out).</summary>
    public string[] HostArguments => [.. Arguments.HostArguments];

    /// <summary>Why the arguments cannot be used (with the usage), or null.</summary>
    public string? Error => Arguments.Error;

    /// <summary>Usage or an argument error, with the exit code; null to go on.</summary>
    public int? ExitBeforeHost() => Arguments.ExitBeforeHost();
}
