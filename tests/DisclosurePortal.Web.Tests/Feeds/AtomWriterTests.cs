using System.ServiceModel.Syndication;
using System.Xml.Linq;
using DisclosurePortal.Web.Features.Feeds;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using static DisclosurePortal.Web.Tests.Feeds.AtomRules;

namespace DisclosurePortal.Web.Tests.Feeds;

/// <summary>The Atom writer (System.ServiceModel.Syndication's formatter, the text cleaned first) and the rules the feed tests hold it to, on their own (no database).</summary>
public sealed class AtomWriterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Writer_EscapesMarkup_AndDropsCharactersXmlCannotCarry()
    {
        var entry = new SyndicationItem
        {
            Id = "http://x.example/records/1",
            Title = new TextSyndicationContent("标题 <b>&</b>\u0001\u000B 𠀀"),
            PublishDate = Noon,
            LastUpdatedTime = Noon,
            Summary = new TextSyndicationContent("摘要\u001F"),
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri("http://x.example/records/1"), "text/html"));
        entry.Authors.Add(new SyndicationPerson { Name = "部门" });
        entry.Categories.Add(new SyndicationCategory("health", null, "卫生健康"));
        var written = new SyndicationFeed([entry]) { Id = "http://x.example/feeds/all.atom", Title = new TextSyndicationContent("订阅"), LastUpdatedTime = Noon };
        written.Links.Add(SyndicationLink.CreateSelfLink(new Uri("http://x.example/feeds/all.atom"), "application/atom+xml"));
        written.Authors.Add(new SyndicationPerson { Name = "办公室" });
        var xml = AtomWriter.Write(written);
        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml));
        Assert.Empty(Problems(feed));
        Assert.Equal("标题 <b>&</b> 𠀀", feed.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
        Assert.Equal("2026-03-02T12:00:00+08:00", feed.Root.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Rules_CatchWhatAReaderWouldChokeOn()
    {
        var broken = XDocument.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>t</title><updated>2026-03-02 12:00</updated>
              <entry><id>urn:a</id><title>a</title><updated>2026-03-02T12:00:00Z</updated></entry>
              <entry><id>urn:a</id><title>b</title><updated>2026-03-02T12:00:00Z</updated><published>2026-03-03T12:00:00Z</published><link href="/relative"/></entry>
            </feed>
            """);
        var problems = Problems(broken);
        Assert.Contains("feed has 0 atom:id", problems);
        Assert.Contains("feed has 0 rel=self links", problems);
        Assert.Contains("updated “2026-03-02 12:00” is not an RFC 3339 date-time", problems);
        Assert.Contains("entry 1 has no author and neither has the feed", problems);
        Assert.Contains("entry 1 has neither content nor an alternate link", problems);
        Assert.Contains("entry 2 repeats the id urn:a", problems);
        Assert.Contains("entry 2 was updated before it was published", problems);
        Assert.Contains("entry 2 has a link without an absolute href", problems);
    }

    [Fact]
    public void PublicSite_UsesTheConfiguredBaseUrl_OverTheRequestHost()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("10.0.0.5:8080");
        Assert.Equal("http://10.0.0.5:8080/records/7", Site(null).RecordUrl(request, 7));
        Assert.Equal("https://gk.qingchuan.example/records/7", Site("https://gk.qingchuan.example/").RecordUrl(request, 7));
        Assert.Equal("https://www.qingchuan.example/zwgk/records/7", Site("https://www.qingchuan.example/zwgk").RecordUrl(request, 7));
        Assert.Throws<InvalidOperationException>(() => Site("gk.qingchuan.example"));
        Assert.Throws<InvalidOperationException>(() => Site("ftp://gk.qingchuan.example"));
    }

    private static PublicSite Site(string? baseUrl) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = baseUrl }).Build());
}
