using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests.Audit;

/// <summary>
/// Every page type works under the portal's Content-Security-Policy (no script, styles and images from the site only,
/// ADR 20): Chromium reports no violation while loading it (and acting on it, for the pages reached by a form), and
/// the page was served with the policy.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class ContentSecurityPolicyTests(AuditFixture fixture)
{
    public static IEnumerable<object[]> PageTypeNames => PageTypes.Names;

    [Theory]
    [MemberData(nameof(PageTypeNames))]
    public async Task PageType_LoadsWithoutContentSecurityPolicyViolations(string pageType)
    {
        var type = PageTypes.Named(pageType);
        var violations = new List<string>();
        var (page, response) = await fixture.OpenAsync(type, Look.DesktopSenior, p =>
        {
            p.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
            };
        });
        try
        {
            var csp = await response.HeaderValueAsync("content-security-policy");
            Assert.NotNull(csp);
            Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            // Stylesheets and images finished loading: a refused one is reported on the console by then.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(violations.Count == 0, $"{type.Name} ({page.Url}) broke the Content-Security-Policy:\n  " + string.Join("\n  ", violations));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
