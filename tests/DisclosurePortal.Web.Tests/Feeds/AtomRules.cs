using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DisclosurePortal.Web.Tests.Feeds;

/// <summary>
/// The rules of RFC 4287 that a feed reader relies on, checked on a parsed document: what must appear exactly once,
/// what at most once, RFC 3339 dates, absolute IRIs, person constructs, unique entry ids.
/// </summary>
public static partial class AtomRules
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Every rule the feed breaks, as readable lines; empty when the feed is valid.</summary>
    public static List<string> Problems(XDocument document)
    {
        var problems = new List<string>();
        var feed = document.Root!;
        if (feed.Name != Atom + "feed") return [$"the root element is {feed.Name}, not atom:feed"];

        ExactlyOne(feed, "id", "feed", problems);
        ExactlyOne(feed, "title", "feed", problems);
        ExactlyOne(feed, "updated", "feed", problems);
        AtMostOne(feed, ["subtitle", "rights", "generator", "icon", "logo"], "feed", problems);
        var self = feed.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "self").ToList();
        if (self.Count != 1) problems.Add($"feed has {self.Count} rel=self links");
        Links(feed, "feed", problems);
        var feedHasAuthor = feed.Elements(Atom + "author").Any();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, i) in feed.Elements(Atom + "entry").Select((e, i) => (e, i)))
        {
            var where = $"entry {i + 1}";
            ExactlyOne(entry, "id", where, problems);
            ExactlyOne(entry, "title", where, problems);
            ExactlyOne(entry, "updated", where, problems);
            AtMostOne(entry, ["published", "summary", "content", "rights", "source"], where, problems);
            if (!feedHasAuthor && !entry.Elements(Atom + "author").Any()) problems.Add($"{where} has no author and neither has the feed");
            if (entry.Element(Atom + "content") is null && !entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"))
                problems.Add($"{where} has neither content nor an alternate link");
            Links(entry, where, problems);
            if (entry.Element(Atom + "id")?.Value is { } id && !ids.Add(id)) problems.Add($"{where} repeats the id {id}");
            if (Date(entry.Element(Atom + "published")) is { } published && Date(entry.Element(Atom + "updated")) is { } updated && updated < published)
                problems.Add($"{where} was updated before it was published");
        }

        foreach (var id in document.Descendants(Atom + "id"))
            if (!IsAbsoluteIri(id.Value)) problems.Add($"id “{id.Value}” is not an absolute IRI");
        foreach (var date in document.Descendants().Where(e => e.Name == Atom + "updated" || e.Name == Atom + "published"))
            if (Date(date) is null) problems.Add($"{date.Name.LocalName} “{date.Value}” is not an RFC 3339 date-time");
        foreach (var text in document.Descendants().Where(e => e.Name.LocalName is "title" or "subtitle" or "summary" or "rights" && e.Name.Namespace == Atom))
            if ((string?)text.Attribute("type") is { } type && type is not ("text" or "html" or "xhtml")) problems.Add($"{text.Name.LocalName} has type {type}");
        foreach (var person in document.Descendants().Where(e => e.Name == Atom + "author" || e.Name == Atom + "contributor"))
            if (person.Elements(Atom + "name").Count() != 1) problems.Add("a person construct without exactly one name");
        foreach (var category in document.Descendants(Atom + "category"))
            if (string.IsNullOrEmpty((string?)category.Attribute("term"))) problems.Add("a category without a term");
        return problems;
    }

    /// <summary>An RFC 3339 date-time (section 5.6), or null.</summary>
    public static DateTimeOffset? Date(XElement? element) =>
        element is not null && Rfc3339().IsMatch(element.Value)
        && DateTimeOffset.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    /// <summary>RFC 3987: a scheme, then the rest (on Unix, Uri takes "/path" for an absolute file URI, so it is no judge).</summary>
    private static bool IsAbsoluteIri(string? value) =>
        value is not null && Scheme().IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _);

    private static void ExactlyOne(XElement parent, string name, string where, List<string> problems)
    {
        var count = parent.Elements(Atom + name).Count();
        if (count != 1) problems.Add($"{where} has {count} atom:{name}");
    }

    private static void AtMostOne(XElement parent, string[] names, string where, List<string> problems)
    {
        foreach (var name in names)
            if (parent.Elements(Atom + name).Count() > 1) problems.Add($"{where} has more than one atom:{name}");
    }

    private static void Links(XElement parent, string where, List<string> problems)
    {
        var links = parent.Elements(Atom + "link").ToList();
        foreach (var link in links)
            if (!IsAbsoluteIri((string?)link.Attribute("href"))) problems.Add($"{where} has a link without an absolute href");
        // RFC 4287 4.1.1: at most one alternate link with the same type and hreflang.
        var alternates = links.Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang")));
        if (alternates.Any(g => g.Count() > 1)) problems.Add($"{where} has two alternate links of one type");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
