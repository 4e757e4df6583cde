using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.Feeds;

/// <summary>
/// Writes a <see cref="SyndicationFeed"/> as Atom (RFC 4287) with <see cref="Atom10FeedFormatter"/>. First it drops
/// from the feed's text the characters XML cannot carry (control characters pasted into an editor's text, on which
/// the XML writer would throw) and puts its instants in China Standard Time, as the portal shows them.
/// </summary>
public static class AtomWriter
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(SyndicationFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Clean(feed);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
            new Atom10FeedFormatter(feed).WriteTo(xml);
        return buffer.ToArray();
    }

    private static void Clean(SyndicationFeed feed)
    {
        feed.Title = Clean(feed.Title);
        feed.Description = Clean(feed.Description);
        feed.Copyright = Clean(feed.Copyright);
        feed.LastUpdatedTime = InChina(feed.LastUpdatedTime);
        Clean(feed.Authors, feed.Contributors, feed.Categories);
        var items = feed.Items.ToList(); // cleaned once, written as cleaned (Items may be a lazy sequence)
        foreach (var item in items)
        {
            item.Title = Clean(item.Title);
            item.Summary = Clean(item.Summary);
            item.Copyright = Clean(item.Copyright);
            if (item.Content is TextSyndicationContent content) item.Content = Clean(content);
            item.LastUpdatedTime = InChina(item.LastUpdatedTime);
            item.PublishDate = InChina(item.PublishDate);
            Clean(item.Authors, item.Contributors, item.Categories);
        }
        feed.Items = items;
    }

    private static void Clean(IEnumerable<SyndicationPerson> authors, IEnumerable<SyndicationPerson> contributors, IEnumerable<SyndicationCategory> categories)
    {
        foreach (var person in authors.Concat(contributors))
            if (person.Name is not null) person.Name = XmlChars.Safe(person.Name);
        foreach (var category in categories)
            if (category.Label is not null) category.Label = XmlChars.Safe(category.Label);
    }

    private static TextSyndicationContent? Clean(TextSyndicationContent? text) => text is null ? null : new TextSyndicationContent(
        XmlChars.Safe(text.Text),
        text.Type switch { "html" => TextSyndicationContentKind.Html, "xhtml" => TextSyndicationContentKind.XHtml, _ => TextSyndicationContentKind.Plaintext });

    /// <summary>An instant as the portal shows it; <see cref="DateTimeOffset.MinValue"/> is the formatter's "not set".</summary>
    private static DateTimeOffset InChina(DateTimeOffset instant) => instant == DateTimeOffset.MinValue ? instant : instant.ToChina();
}
