using System.Text.Json;
using System.Text.RegularExpressions;

namespace DisclosurePortal.Web.Tests.Pages;

/// <summary>Every UI string that goes through the localizer has an English translation with the same placeholders.</summary>
public sealed partial class TranslationTests
{
    private static readonly string Web = Path.Combine(RepositoryRoot(), "src", "DisclosurePortal.Web");

    [Fact]
    public void EveryLocalizedString_HasAnEnglishTranslation_WithTheSamePlaceholders()
    {
        // The localizer merges Resources/en.json and every Resources/en.<feature>.json (Localization.cs); so does the test.
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Web, "Resources"), "en*.json").Order(StringComparer.Ordinal))
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!)
                english[key] = value;
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text)) keys.Add(m.Groups[1].Value);
            if (file.EndsWith(".cs", StringComparison.Ordinal))
            {
                foreach (Match m in ProblemKey().Matches(text))
                    foreach (var g in m.Groups.Values.Skip(1).Where(g => g.Success)) keys.Add(g.Value);
                // Validation messages and flash confirmations: the views show them through the localizer.
                foreach (Match m in MessageKey().Matches(text)) keys.Add(m.Groups[1].Value);
            }
        }
        foreach (Match m in ChineseLiteral().Matches(File.ReadAllText(Path.Combine(Web, "Infrastructure", "Labels.cs")))) keys.Add(m.Groups[1].Value);

        Assert.True(keys.Count > 100, $"only {keys.Count} keys found: is the scan still finding the views?");
        var missing = keys.Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "no English for: " + string.Join(" | ", missing));
        var mismatched = keys.Where(k => !Placeholders(k).SetEquals(Placeholders(english[k]))).ToList();
        Assert.True(mismatched.Count == 0, "placeholders differ for: " + string.Join(" | ", mismatched));
    }

    private static HashSet<string> Placeholders(string s) => [.. Placeholder().Matches(s).Select(m => m.Value)];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DisclosurePortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("DisclosurePortal.sln not found above the test assembly.");
    }

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)+)"[,\]]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""(?:BadInput|NotFoundPage)\("([^"]+)"|\("([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)", "([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)"\)""")]
    private static partial Regex ProblemKey();

    [GeneratedRegex("""(?:WithMessage\(|AddModelError\((?:[^,()]|\([^()]*\))+, |Flash\()"([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)"[,)]""")]
    private static partial Regex MessageKey();

    [GeneratedRegex("""=> "([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)",""")]
    private static partial Regex ChineseLiteral();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
