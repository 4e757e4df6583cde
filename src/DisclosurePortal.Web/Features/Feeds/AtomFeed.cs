using System.Text;
using System.Xml;
using DisclosurePortal.Web.Infrastructure;
using static DisclosurePortal.Web.Infrastructure.ChinaTime;

namespace DisclosurePortal.Web.Features.Feeds;

/// <summary>An Atom feed (RFC 4287) as the portal fills it: every element the RFC requires, and the links readers use.</summary>
public sealed record AtomFeed(
    string Id, string Title, string SelfUrl, string? AlternateUrl, DateTimeOffset Updated, string AuthorName, IReadOnlyList<AtomEntry> Entries)
{
    public string? Subtitle { get; init; }
}

public sealed record AtomEntry(
    string Id, string Title, string Url, DateTimeOffset Published, DateTimeOffset Updated,
    string AuthorName, string? AuthorUrl, string Summary, IReadOnlyList<AtomCategory> Categories);

public sealed record AtomCategory(string Term, string Label, string? Scheme);

/// <summary>
/// Writes Atom with <see cref="XmlWriter"/> (System.ServiceModel.Syndication does not restore here: PACKAGES.md).
/// The writer escapes text, and refuses characters XML cannot carry, which the editor's text is cleaned of first.
/// </summary>
public static class AtomWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(AtomFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("id", Namespace, feed.Id);
            Text(xml, "title", feed.Title);
            if (feed.Subtitle is not null) Text(xml, "subtitle", feed.Subtitle);
            xml.WriteElementString("updated", Namespace, Rfc3339(feed.Updated));
            Link(xml, "self", "application/atom+xml", feed.SelfUrl);
            if (feed.AlternateUrl is not null) Link(xml, "alternate", "text/html", feed.AlternateUrl);
            Author(xml, feed.AuthorName, null);
            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                Text(xml, "title", entry.Title);
                xml.WriteElementString("updated", Namespace, Rfc3339(entry.Updated));
                xml.WriteElementString("published", Namespace, Rfc3339(entry.Published));
                Link(xml, "alternate", "text/html", entry.Url);
                Author(xml, entry.AuthorName, entry.AuthorUrl);
                foreach (var c in entry.Categories)
                {
                    xml.WriteStartElement("category", Namespace);
                    xml.WriteAttributeString("term", c.Term);
                    xml.WriteAttributeString("label", XmlChars.Safe(c.Label));
                    if (c.Scheme is not null) xml.WriteAttributeString("scheme", c.Scheme);
                    xml.WriteEndElement();
                }
                Text(xml, "summary", entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void Text(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlChars.Safe(value));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static void Author(XmlWriter xml, string name, string? uri)
    {
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, XmlChars.Safe(name));
        if (uri is not null) xml.WriteElementString("uri", Namespace, uri);
        xml.WriteEndElement();
    }
}
