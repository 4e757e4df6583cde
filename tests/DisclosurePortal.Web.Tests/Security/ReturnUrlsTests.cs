using DisclosurePortal.Web.Infrastructure.Security;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>A local return address made fit for a Location header: escaped where needed, otherwise left as it was.</summary>
public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/records/7?a=1&b=2#part", "/records/7?a=1&b=2#part")]
    [InlineData("/中", "/%E4%B8%AD")]
    [InlineData("/search?q=危房 改造", "/search?q=%E5%8D%B1%E6%88%BF%20%E6%94%B9%E9%80%A0")]
    [InlineData("/search?q=%E5%8D%B1", "/search?q=%E5%8D%B1")] // already encoded: unchanged
    [InlineData("/rate?x=100%", "/rate?x=100%25")] // a '%' that starts no escape is itself escaped
    [InlineData("/a?x=%G1", "/a?x=%25G1")]
    [InlineData("/😀", "/%F0%9F%98%80")] // a surrogate pair is one character
    [InlineData("/a\"<b>`{|}^", "/a%22%3Cb%3E%60%7B%7C%7D%5E")]
    [InlineData("/a\\..\\..\\/x", "/a%5C..%5C..%5C/x")] // nothing resolved: '\' stays a character, never a '/'
    [InlineData("~/guide?q=文", "~/guide?q=%E6%96%87")]
    public void ForLocation_EscapesWhatAUriCannotHold_AndNothingElse(string url, string expected) =>
        Assert.Equal(expected, ReturnUrls.ForLocation(url));

    [Fact]
    public void ForLocation_GivesOnlyAscii_ForALoneSurrogate() =>
        Assert.Equal("/%EF%BF%BDx", ReturnUrls.ForLocation("/\ud800x"));
}
