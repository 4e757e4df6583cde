using DisclosurePortal.Web.Infrastructure.Site;
using Microsoft.Extensions.Configuration;

namespace DisclosurePortal.Web.Tests.Site;

/// <summary>The &lt;title&gt; stays within 70 characters however long an administrator's column name or an editor's title is.</summary>
public sealed class PageTitleTests
{
    private static readonly SiteProfile Site = SiteProfile.Placeholder(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:SiteName"] = "示例县人民政府信息公开" }).Build(), needsSetup: false);

    [Fact]
    public void ShortTitle_IsFollowedByTheSiteName() => Assert.Equal("公开指南 - 示例县人民政府信息公开", Site.PageTitle("公开指南"));

    [Fact]
    public void NoTitle_IsTheSiteName() => Assert.Equal("示例县人民政府信息公开", Site.PageTitle(null));

    [Fact]
    public void TitleThatLeavesNoRoomForTheSiteName_StandsAlone()
    {
        var title = new string('栏', 60);
        Assert.Equal(title, Site.PageTitle(title));
    }

    [Fact]
    public void TitleLongerThanTheLimit_IsCutWithAnEllipsis()
    {
        var shown = Site.PageTitle(new string('长', 100));
        Assert.Equal(SiteProfile.TitleLimit, shown.Length);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
    }
}
