using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// The command line of the web app's verbs (<c>generate</c>, <c>backup</c>), read by System.CommandLine: the verb's own
/// options (<c>--name value</c>, <c>--name=value</c>), <c>--help</c> and the usage it writes. Host settings, which
/// System.CommandLine leaves unmatched, go on to the host as the portal itself takes them (<c>--Section:Key[=]value</c>,
/// <c>--environment</c>, <c>--contentRoot</c>, <c>--applicationName</c>); anything else is refused.
/// </summary>
internal sealed class VerbCommandLine
{
    private static readonly string[] HostOptions = ["--environment", "--contentRoot", "--applicationName"];

    // An argument starting with @ is a value, not a response file to read.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private readonly Command _verb;

    private VerbCommandLine(Command verb, ParseResult result, List<string> host, string? error)
    {
        _verb = verb;
        Result = result;
        HostArguments = host;
        Error = error is null ? null : error + Environment.NewLine + Environment.NewLine + Usage().TrimEnd();
    }

    public ParseResult Result { get; }

    /// <summary>The arguments for the host (the verb's own options taken out).</summary>
    public List<string> HostArguments { get; }

    /// <summary>Why the arguments cannot be used (with the usage), or null.</summary>
    public string? Error { get; }

    public bool Help => Error is null && Result.Action is HelpAction;

    /// <summary>Parses the arguments after the verb (<c>args[0]</c>) with <paramref name="verb"/>'s options.</summary>
    public static VerbCommandLine Parse(Command verb, string[] args)
    {
        verb.Add(new HelpOption());
        verb.TreatUnmatchedTokensAsErrors = false; // host settings: sorted out below
        var result = verb.Parse(args[1..], Parsing);
        if (result.Errors.Count > 0) return new VerbCommandLine(verb, result, [], result.Errors[0].Message);

        var host = new List<string>();
        var unmatched = result.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var arg = unmatched[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (!name.StartsWith("--", StringComparison.Ordinal)
                || !(name.Contains(':', StringComparison.Ordinal) || HostOptions.Contains(name, StringComparer.OrdinalIgnoreCase)))
                return new VerbCommandLine(verb, result, [], $"Unknown argument '{arg}'.");
            host.Add(arg);
            if (eq < 0 && i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith("--", StringComparison.Ordinal)) host.Add(unmatched[++i]);
        }
        return new VerbCommandLine(verb, result, host, null);
    }

    /// <summary>The same arguments, refused for a reason found after reading them all.</summary>
    public VerbCommandLine Refuse(string error) => new(_verb, Result, [], error);

    /// <summary>Before the host is built: the usage (0) or an argument error (2); null to go on.</summary>
    public int? ExitBeforeHost()
    {
        if (Help)
        {
            Console.Out.Write(Usage());
            return 0;
        }
        if (Error is null) return null;
        Console.Error.WriteLine(Error);
        return 2;
    }

    /// <summary>What <c>--help</c> writes: the verb's description, usage and options.</summary>
    public string Usage()
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _verb.Parse(["--help"], Parsing).Invoke(new InvocationConfiguration { Output = text });
        return text.ToString();
    }

    /// <summary>
    /// A whole number option from <paramref name="min"/> to <paramref name="max"/>, thousands separators allowed; its value
    /// may be missing on the command line so that the refusal says what it needs rather than that an argument is missing.
    /// </summary>
    public static Option<int?> Count(string name, int min, int max, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[0].Value;
            if (int.TryParse(value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            result.AddError(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{name} must be a whole number from {min:N0} to {max:N0} (got {(value is null ? "nothing" : $"'{value}'")})."));
            return null;
        },
    };
}
