using System.Globalization;
using System.Text.Json;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using System.Text.RegularExpressions;

namespace DisclosurePortal.Web.Tests.Pages;

/// <summary>Every UI string that goes through the localizer has an English translation with the same placeholders.</summary>
public sealed partial class TranslationTests
{
    private static readonly string Web = Repository.Path("src", "DisclosurePortal.Web");

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
            // <dp-field label="…" hint="…"> and <dp-choices legend="…">: the tag helpers pass them through the localizer.
            if (file.EndsWith(".cshtml", StringComparison.Ordinal))
                foreach (Match tag in FieldTag().Matches(text))
                    foreach (Match m in FieldTextKey().Matches(tag.Value)) keys.Add(m.Groups[1].Value);
            if (file.EndsWith(".cs", StringComparison.Ordinal))
            {
                foreach (Match m in ProblemKey().Matches(text))
                    foreach (var g in m.Groups.Values.Skip(1).Where(g => g.Success)) keys.Add(g.Value);
                // Validation messages and flash confirmations: the views show them through the localizer.
                foreach (Match m in MessageKey().Matches(text)) keys.Add(m.Groups[1].Value);
            }
        }
        foreach (Match m in ChineseLiteral().Matches(File.ReadAllText(Path.Combine(Web, "Infrastructure", "Labels.cs")))) keys.Add(m.Groups[1].Value);
        // The audit log explains each action code in the reader's language.
        foreach (var action in DisclosurePortal.Domain.Auditing.AuditActions.All) keys.Add(action.Description);

        Assert.True(keys.Count > 100, $"only {keys.Count} keys found: is the scan still finding the views?");
        var missing = keys.Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "no English for: " + string.Join(" | ", missing));
        var mismatched = keys.Where(k => !Placeholders(k).SetEquals(Placeholders(english[k]))).ToList();
        Assert.True(mismatched.Count == 0, "placeholders differ for: " + string.Join(" | ", mismatched));
        // A plural choice {n|one|other} names a placeholder the sentence has, and the sentence formats with a count of
        // one and of two (a malformed choice would be left for string.Format to throw on).
        var badPlurals = english.Where(e => e.Value.Contains('|', StringComparison.Ordinal)).Where(e =>
        {
            var placeholders = Placeholders(e.Key);
            if (PluralToken().Matches(e.Value).Any(m => !placeholders.Contains("{" + m.Groups[1].Value + "}"))) return true;
            foreach (var count in new object[] { 1, 2 })
            {
                var arguments = Enumerable.Repeat(count, placeholders.Count == 0 ? 0 : placeholders.Max(p => int.Parse(p[1..^1], CultureInfo.InvariantCulture)) + 1).ToArray();
                try { _ = string.Format(CultureInfo.InvariantCulture, Plurals.Choose(e.Value, arguments), arguments); }
                catch (FormatException) { return true; }
            }
            return false;
        }).Select(e => e.Value).ToList();
        Assert.True(badPlurals.Count == 0, "plural choices that are malformed or name no placeholder: " + string.Join(" | ", badPlurals));
    }

    [Theory]
    [InlineData("{0} 条", new object[] { 1 }, "1 record")]
    [InlineData("{0} 条", new object[] { 0 }, "0 records")]
    [InlineData("{0} 条", new object[] { 2 }, "2 records")]
    [InlineData("{0} 项 / {1} 条", new object[] { 1, 11 }, "1 item / 11 records")]
    [InlineData("本领域已公开信息 {0} 条。", new object[] { 1 }, "1 record has been published in this area.")]
    [InlineData("已按现行工作日历调整 {0} 件申请的答复期限。", new object[] { "1" }, "Reply due dates of 1 application were adjusted to the current working-day calendar.")]
    public void EnglishPlurals_FollowTheCount(string key, object[] arguments, string expected)
    {
        var localizer = new JsonStringLocalizerFactory().Create(typeof(SharedResource));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new("en");
            Assert.Equal(expected, localizer[key, arguments].Value);
            CultureInfo.CurrentUICulture = new("zh-CN");
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, key, arguments), localizer[key, arguments].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Placeholders(string s) => [.. Placeholder().Matches(s).Select(m => m.Value)];

    [GeneratedRegex("<dp-(?:field|choices)\\b[^>]*>")]
    private static partial Regex FieldTag();

    [GeneratedRegex("\\b(?:label|hint|legend)=\"([^\"@]*\\p{IsCJKUnifiedIdeographs}[^\"@]*)\"")]
    private static partial Regex FieldTextKey();

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)+)"[,\]]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""(?:BadInput|NotFoundPage)\("([^"]+)"|\("([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)", "([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)"\)""")]
    private static partial Regex ProblemKey();

    [GeneratedRegex("""(?:WithMessage\(|AddModelError\((?:[^,()]|\([^()]*\))+, |Flash\()"([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)"[,)]""")]
    private static partial Regex MessageKey();

    [GeneratedRegex("""=> "([^"]*\p{IsCJKUnifiedIdeographs}[^"]*)",""")]
    private static partial Regex ChineseLiteral();

    [GeneratedRegex(@"\{(\d+)\|[^|{}]*\|[^|{}]*\}")]
    private static partial Regex PluralToken();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
